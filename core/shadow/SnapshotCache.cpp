#include "SnapshotCache.h"

#include "schema/SchemaJson.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QStandardPaths>

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

Fallible<Schema> SnapshotCache::load(const QString &key)
{
    flush();
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
    return m_json.write(schema);
}

Fallible<void> SnapshotCache::store(const QString &key, const Schema &schema)
{
    return store(key, serialize(schema));
}

Fallible<void> SnapshotCache::store(const QString &key, const QByteArray &json)
{
    return enqueue(key, json, {});
}

Fallible<void> SnapshotCache::storeSameAs(const QString &key, const QString &existing, const QByteArray &json)
{
    if (contains(key))
        return {};
    return enqueue(key, json, contains(existing) ? pathOf(existing) : QString());
}

Fallible<void> SnapshotCache::enqueue(const QString &key, const QByteArray &json, const QString &sameAs)
{
    if (!m_directoryMade && !QDir().mkpath(m_directory))
        return Failure{QStringLiteral("cannot create the cache folder %1").arg(m_directory)};
    m_directoryMade = true;
    m_files.enqueue({pathOf(key), json, sameAs});
    list();
    m_keys.insert(key);
    return {};
}

void SnapshotCache::flush()
{
    m_files.flush();
}

} // namespace retort
