#pragma once

#include "RunError.h"

#include <chrono>
#include <optional>

namespace retort {

class Connection;

// Keeps a second migration run off the same database. PostgreSQL: a session advisory lock
// held for the whole run, keyed by the version table, so runs on other version tables in the
// same database do not block each other. SQLite: nothing to hold across steps; each step checks
// and swaps the version rows inside BEGIN IMMEDIATE instead.
class RunLock
{
public:
    RunLock(Connection &connection, const QString &versionTableName);
    ~RunLock();
    RunLock(const RunLock &) = delete;
    RunLock &operator=(const RunLock &) = delete;

    // Waits up to `wait` for the lock; when still busy, the error names the holder's pid.
    std::optional<RunError> acquire(std::chrono::milliseconds wait);
    void release();
    qint64 key() const { return m_key; }

    // The key for a version table: fixed high half, a hash of the table's name below.
    static qint64 keyFor(const QString &versionTableName);

private:
    QString describeHolder() const;

    Connection &m_connection;
    qint64 m_key;
    bool m_held = false;
};

} // namespace retort
