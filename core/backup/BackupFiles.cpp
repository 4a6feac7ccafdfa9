#include "BackupFiles.h"

#include "Sha256.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTemporaryFile>

#include <algorithm>

namespace retort {

namespace {

constexpr QFileDevice::Permissions kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

QString safeName(const QString &name)
{
    QString safe = name;
    for (QChar &c : safe) {
        if (!(c.isLetterOrNumber() || c == u'-' || c == u'_' || c == u'.') || c.unicode() > 127)
            c = u'_';
    }
    return safe.isEmpty() ? QStringLiteral("database") : safe;
}

} // namespace

QString BackupFiles::defaultFileName(const QString &dialect, const QString &database, const QDateTime &when)
{
    const QString extension = dialect == u"postgresql" ? QStringLiteral(".dump") : QStringLiteral(".db");
    return QStringLiteral("backup_") + safeName(database) + u'_' + when.toString(QStringLiteral("yyyyMMdd_HHmmss"))
        + extension;
}

QString BackupFiles::uniquePath(const QString &directory, const QString &name)
{
    const QDir dir(directory);
    const qsizetype dot = name.lastIndexOf(u'.');
    const QString stem = dot > 0 ? name.left(dot) : name;
    const QString extension = dot > 0 ? name.mid(dot) : QString();
    QString candidate = dir.absoluteFilePath(name);
    for (int n = 2; QFileInfo::exists(candidate) || QFileInfo::exists(BackupInfo::sidecarPath(candidate)); ++n)
        candidate = dir.absoluteFilePath(stem + u'_' + QString::number(n) + extension);
    return candidate;
}

Fallible<void> BackupFiles::prepareDirectory(const QString &directory)
{
    const QFileInfo info(directory);
    if (info.exists() && !info.isDir())
        return Failure{QStringLiteral("%1 exists and is not a directory").arg(directory)};
    if (!info.exists()) {
        if (!QDir().mkpath(directory))
            return Failure{QStringLiteral("cannot create the backup directory %1").arg(directory)};
        QFile::setPermissions(directory, kOwnerOnly | QFileDevice::ExeOwner);
    }
    // Permission bits do not tell the whole story (root, ACLs, read-only mounts): try it.
    QTemporaryFile probe(QDir(directory).filePath(QStringLiteral(".retort-probe-XXXXXX")));
    if (!probe.open())
        return Failure{
            QStringLiteral("cannot write to the backup directory %1 (%2)").arg(directory, probe.errorString())};
    return {};
}

Fallible<void> BackupFiles::createOwnerOnly(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, kOwnerOnly))
        return Failure{QStringLiteral("cannot create %1 (%2)").arg(path, file.errorString())};
    file.close();
    // The umask may have taken bits away, never added any; make sure of the result anyway.
    if (!file.setPermissions(kOwnerOnly))
        return Failure{QStringLiteral("cannot make %1 readable by its owner only").arg(path)};
    return {};
}

Fallible<QString> BackupFiles::sha256(const QString &path, TransferProgress *progress)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Failure{QStringLiteral("cannot read %1 (%2)").arg(path, file.errorString())};
    }
    Sha256 hash;
    constexpr qint64 kChunk = 4 << 20;
    QByteArray buffer(kChunk, Qt::Uninitialized);
    const qint64 total = file.size();
    qint64 done = 0;
    for (;;) {
        const qint64 read = file.read(buffer.data(), kChunk);
        if (read < 0)
            return Failure{QStringLiteral("cannot read %1 (%2)").arg(path, file.errorString())};
        if (read == 0)
            break;
        hash.addData(QByteArrayView(buffer.constData(), read));
        done += read;
        if (progress) {
            progress->advanced(TransferProgress::Stage::Checksum, TransferProgress::Unit::Bytes, done, total);
            if (progress->cancelRequested())
                return Failure{QStringLiteral("checking %1 was cancelled").arg(path), true};
        }
    }
    const QByteArray digest = hash.result();
    if (digest.isEmpty())
        return Failure{QStringLiteral("cannot compute the SHA-256 of %1 (out of memory)").arg(path)};
    return QString::fromLatin1(digest.toHex());
}

Fallible<void> BackupFiles::writeSidecar(const BackupInfo &info)
{
    const QString target = BackupInfo::sidecarPath(info.path);
    const QString temporary = target + QStringLiteral(".partial");
    QFile::remove(temporary);
    QFile file(temporary);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, kOwnerOnly))
        return Failure{QStringLiteral("cannot create %1 (%2)").arg(temporary, file.errorString())};
    const QByteArray bytes = QJsonDocument(info.toJson()).toJson(QJsonDocument::Indented);
    const bool written = file.write(bytes) == bytes.size() && file.flush();
    file.close();
    if (!written || !file.setPermissions(kOwnerOnly)) {
        QFile::remove(temporary);
        return Failure{QStringLiteral("cannot write %1").arg(temporary)};
    }
    QFile::remove(target);
    if (!QFile::rename(temporary, target)) {
        QFile::remove(temporary);
        return Failure{QStringLiteral("cannot rename %1 to %2").arg(temporary, target)};
    }
    return {};
}

Fallible<BackupInfo> BackupFiles::readSidecar(const QString &backupPath)
{
    const QString path = BackupInfo::sidecarPath(backupPath);
    QFile file(path);
    if (!file.exists())
        return Failure{QStringLiteral("%1 has no sidecar %2, so it cannot be checked; only backups made by "
                                      "'retort backup' can be restored")
                           .arg(backupPath, path)};
    if (!file.open(QIODevice::ReadOnly))
        return Failure{QStringLiteral("cannot read %1 (%2)").arg(path, file.errorString())};
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    std::optional<BackupInfo> info;
    if (document.isObject())
        info = BackupInfo::fromJson(document.object(), QFileInfo(backupPath).absoluteFilePath());
    if (!info)
        return Failure{QStringLiteral("%1 is not a Retort backup sidecar").arg(path)};
    return *std::move(info);
}

QList<BackupInfo> BackupFiles::list(const QString &directory)
{
    QList<BackupInfo> backups;
    const QDir dir(directory);
    const QStringList sidecars = dir.entryList({QStringLiteral("*.json")}, QDir::Files);
    for (const QString &sidecar : sidecars) {
        const QString backupPath = dir.absoluteFilePath(sidecar.chopped(5));
        if (!QFileInfo::exists(backupPath))
            continue;
        if (auto info = readSidecar(backupPath))
            backups.append(std::move(*info));
    }
    std::sort(backups.begin(), backups.end(), [](const BackupInfo &a, const BackupInfo &b) {
        return a.createdAt != b.createdAt ? a.createdAt > b.createdAt : a.path > b.path;
    });
    return backups;
}

QStringList BackupFiles::prune(const QString &directory, const QString &source, int keep)
{
    QStringList removed;
    if (keep <= 0)
        return removed;
    int kept = 0;
    for (const BackupInfo &info : list(directory)) {
        if (info.source != source)
            continue;
        if (++kept <= keep)
            continue;
        if (QFile::remove(info.path)) {
            QFile::remove(BackupInfo::sidecarPath(info.path));
            removed.append(info.path);
        }
    }
    return removed;
}

} // namespace retort
