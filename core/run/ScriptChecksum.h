#pragma once

#include "Expected.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace retort {

// The checksum the journal keeps for a migration script, native SQL or Python alike: SHA-256 of
// the whole file, lower-case hex. `check` compares it with the file as it is now, so every
// writer and reader must compute it the same way.
struct ScriptChecksum
{
    static QByteArray ofContent(const QByteArray &content);
    // Fails when the file cannot be read, with the reason.
    static Fallible<QString> ofFile(const QString &path);
};

} // namespace retort
