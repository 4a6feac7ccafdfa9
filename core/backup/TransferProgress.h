#pragma once

#include <QtGlobal>

namespace retort {

// What a backup or restore reports while it works, and how it is stopped. Called on the thread
// doing the work, often (after each SQLite step, a few times a second for a child process):
// implementations forward or throttle, and must not block.
class TransferProgress
{
public:
    enum class Stage {
        Copy, // SQLite pages copied, or bytes pg_dump has written
        Verify, // integrity_check / pg_restore --list
        Checksum, // bytes hashed
        Restore, // SQLite pages written back, or pg_restore items done
    };
    enum class Unit { Pages, Bytes, Items };

    virtual ~TransferProgress() = default;
    // `total` is 0 when it is not known beforehand (the size of a dump).
    virtual void advanced(Stage stage, Unit unit, qint64 done, qint64 total) = 0;
    // Read between steps; a true answer stops the work and leaves nothing behind.
    virtual bool cancelRequested() = 0;
};

} // namespace retort
