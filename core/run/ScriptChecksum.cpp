#include "ScriptChecksum.h"

#include <QCryptographicHash>
#include <QFile>

namespace retort {

QByteArray ScriptChecksum::ofContent(const QByteArray &content)
{
    return QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex();
}

std::optional<QString> ScriptChecksum::ofFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = file.errorString();
        return std::nullopt;
    }
    return QString::fromLatin1(ofContent(file.readAll()));
}

} // namespace retort
