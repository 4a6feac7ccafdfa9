#pragma once

#include "Expected.h"

#include <QString>
#include <QStringList>

namespace retort {

// The temporary file a backup is written to (<backup>.partial), created owner-only and held
// under an exclusive flock() while this object lives. The lock ends with the process however it
// ends, so a later backup can tell a file in progress from one a killed run left behind.
class PartialFile
{
public:
    explicit PartialFile(QString path);
    ~PartialFile();
    PartialFile(const PartialFile &) = delete;
    PartialFile &operator=(const PartialFile &) = delete;

    // Creates the file (mode 0600, failing when it exists) and takes the lock.
    Fallible<void> create();
    const QString &path() const { return m_path; }

    // Removes what killed backups left in `directory`: backup_*.partial files (default names
    // only) nobody holds locked, with the <b>.json.partial and <b>.json written for them before
    // <b> itself existed. Returns the paths removed.
    static QStringList removeAbandoned(const QString &directory);

private:
    QString m_path;
    int m_fd = -1;
};

} // namespace retort
