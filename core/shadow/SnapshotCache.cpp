#include "SnapshotCache.h"

#include "schema/SchemaJson.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTemporaryFile>

#include <cerrno>

#include <unistd.h>

namespace retort {

SnapshotCache::SnapshotCache(QString directory)
    : m_directory(std::move(directory))
{
}

QString SnapshotCache::directoryFor(const QString &projectDirectory, const QString &dialect, const QString &root)
{
    const QString base = root.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::CacheLocation) : root;
    const QString canonical = QDir(projectDirectory).canonicalPath();
    const QByteArray project = QCryptographicHash::hash((canonical.isEmpty() ? projectDirectory : canonical).toUtf8(),
                                                        QCryptographicHash::Sha256)
                                   .toHex();
    return base + QStringLiteral("/snapshots/") + QString::fromLatin1(project) + u'/' + dialect;
}

QString SnapshotCache::pathOf(const QString &key) const
{
    return m_directory + u'/' + key + QStringLiteral(".json");
}

void SnapshotCache::list() const
{
    if (m_listed)
        return;
    m_listed = true;
    const QStringList files = QDir(m_directory).entryList({QStringLiteral("*.json")}, QDir::Files);
    m_keys.reserve(files.size());
    for (const QString &file : files)
        m_keys.insert(file.chopped(5));
}

bool SnapshotCache::contains(const QString &key) const
{
    if (key.isEmpty())
        return false;
    list();
    return m_keys.contains(key);
}

Fallible<Schema> SnapshotCache::load(const QString &key) const
{
    QFile file(pathOf(key));
    if (!file.open(QIODevice::ReadOnly))
        return Failure{QStringLiteral("cannot read %1: %2").arg(file.fileName(), file.errorString())};
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!document.isObject())
        return Failure{QStringLiteral("%1 is not a schema: %2").arg(file.fileName(), parseError.errorString())};
    Fallible<Schema> schema = SchemaJson::fromJson(document.object());
    if (!schema)
        return Failure{QStringLiteral("%1: %2").arg(file.fileName(), schema.error().message)};
    return schema;
}

QByteArray SnapshotCache::serialize(const Schema &schema)
{
    return m_writer.write(schema);
}

Fallible<void> SnapshotCache::store(const QString &key, const Schema &schema)
{
    return store(key, serialize(schema));
}

Fallible<void> SnapshotCache::store(const QString &key, const QByteArray &json)
{
    if (!QDir().mkpath(m_directory))
        return Failure{QStringLiteral("cannot create the cache folder %1").arg(m_directory)};
    // Written beside and renamed: a reader sees the whole file or none. Not synced to disk (as
    // QSaveFile would, once per revision): a cache file lost in a crash is only replayed again.
    QTemporaryFile file(pathOf(key) + QStringLiteral(".XXXXXX"));
    if (!file.open())
        return Failure{QStringLiteral("cannot write %1: %2").arg(pathOf(key), file.errorString())};
    if (file.write(json) != json.size() || !file.flush())
        return Failure{QStringLiteral("cannot write %1: %2").arg(pathOf(key), file.errorString())};
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    // A key names what produced the file, so one already there has the same content.
    if (file.rename(pathOf(key)))
        file.setAutoRemove(false);
    else if (!QFile::exists(pathOf(key)))
        return Failure{QStringLiteral("cannot write %1: %2").arg(pathOf(key), file.errorString())};
    list();
    m_keys.insert(key);
    return {};
}

Fallible<void> SnapshotCache::storeSameAs(const QString &key, const QString &existing, const QByteArray &json)
{
    if (contains(key))
        return {};
    // A key names what produced the file, so one that appeared meanwhile (EEXIST) is the same.
    if (contains(existing)
        && (::link(QFile::encodeName(pathOf(existing)).constData(), QFile::encodeName(pathOf(key)).constData()) == 0
            || errno == EEXIST)) {
        m_keys.insert(key);
        return {};
    }
    return store(key, json);
}

} // namespace retort
