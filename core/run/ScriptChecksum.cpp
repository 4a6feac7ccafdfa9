#include "ScriptChecksum.h"

#include <QCryptographicHash>
#include <QFile>

namespace retort {

QByteArray ScriptChecksum::ofContent(const QByteArray &content)
{
    return QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex();
}

Fallible<QString> ScriptChecksum::ofFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Failure{file.errorString()};
    return QString::fromLatin1(ofContent(file.readAll()));
}

} // namespace retort
