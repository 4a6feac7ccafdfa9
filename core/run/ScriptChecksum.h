#pragma once

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
    // std::nullopt when the file cannot be read, with the reason in *error when given.
    static std::optional<QString> ofFile(const QString &path, QString *error = nullptr);
};

} // namespace retort
