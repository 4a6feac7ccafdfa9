#pragma once

#include "Expected.h"
#include "schema/Schema.h"
#include "schema/SchemaJsonWriter.h"
#include "shadow/SnapshotFileWriter.h"

#include <QSet>
#include <QString>

namespace retort {

// Schemas replay computed, one JSON file per key (ReplayKeys) in one folder per project and
// dialect: <root>/snapshots/<sha256 of the project's canonical directory>/<dialect>/<key>.json.
// A file is keyed by what produced it, so it never goes stale; an edit only makes new keys.
class SnapshotCache
{
public:
    explicit SnapshotCache(QString directory);
    // `root` empty: QStandardPaths::CacheLocation.
    static QString directoryFor(const QString &projectDirectory, const QString &dialect, const QString &root = {});

    const QString &directory() const { return m_directory; }
    // One directory listing, so checking a thousand keys costs one read. Keys stored here count
    // at once, written or not.
    bool contains(const QString &key) const;
    // Waits for the files stored here first.
    Fallible<Schema> load(const QString &key);
    // Written atomically (a reader sees the whole file or none) by a thread of the cache's own
    // (SnapshotFileWriter): it returns before the file is on disk; flush() waits for that. Fails
    // at once only when the folder cannot be made; a file that cannot be written is a warning.
    Fallible<void> store(const QString &key, const Schema &schema);
    // The same with the file's content already made by serialize(), so a schema that several
    // revisions share (steps that only change data) is serialized once.
    Fallible<void> store(const QString &key, const QByteArray &json);
    // The same for a schema stored already under `existing`: a hard link to that file, which
    // costs no new file (most steps change only data, and their snapshot is their parent's);
    // written as store() does where the link cannot be made.
    Fallible<void> storeSameAs(const QString &key, const QString &existing, const QByteArray &json);
    // The file's content; tables unchanged since the last schema serialized are not written again.
    QByteArray serialize(const Schema &schema);
    // Returns once every file stored so far is written (the destructor waits too).
    void flush();

private:
    void list() const;
    QString pathOf(const QString &key) const;
    Fallible<void> enqueue(const QString &key, const QByteArray &json, const QString &sameAs);

    QString m_directory;
    mutable bool m_listed = false;
    mutable QSet<QString> m_keys;
    bool m_directoryMade = false;
    SchemaJsonWriter m_json;
    SnapshotFileWriter m_files; // last: it finishes writing before the rest goes
};

} // namespace retort
