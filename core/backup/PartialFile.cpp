#include "PartialFile.h"

#include "BackupFiles.h"
#include "BackupInfo.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace retort {

namespace {

const QString kSuffix = QStringLiteral(".partial");

// True when no process holds `path` locked (or it does not exist).
bool abandoned(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return true;
    const bool free = ::flock(fd, LOCK_EX | LOCK_NB) == 0;
    ::close(fd); // releases the probe's own lock
    return free;
}

// flock() on the directory itself, held while a partial file is created and locked or while
// abandoned ones are looked for: a file just created is never taken for an abandoned one.
class DirectoryLock
{
public:
    explicit DirectoryLock(const QString &directory)
        : m_fd(::open(QFile::encodeName(directory).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC))
    {
        if (m_fd >= 0)
            ::flock(m_fd, LOCK_EX);
    }
    ~DirectoryLock()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    DirectoryLock(const DirectoryLock &) = delete;
    DirectoryLock &operator=(const DirectoryLock &) = delete;
    bool held() const { return m_fd >= 0; }

private:
    int m_fd;
};

} // namespace

PartialFile::PartialFile(QString path)
    : m_path(std::move(path))
{
}

PartialFile::~PartialFile()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

Fallible<void> PartialFile::create()
{
    const DirectoryLock directory(QFileInfo(m_path).absolutePath());
    if (auto made = BackupFiles::createOwnerOnly(m_path); !made.ok())
        return made;
    m_fd = ::open(QFile::encodeName(m_path).constData(), O_RDONLY | O_CLOEXEC);
    if (m_fd < 0 || ::flock(m_fd, LOCK_EX | LOCK_NB) != 0)
        return Failure{QStringLiteral("cannot lock %1 while the backup is written").arg(m_path)};
    return {};
}

QStringList PartialFile::removeAbandoned(const QString &directory)
{
    QStringList removed;
    const DirectoryLock locked(directory);
    if (!locked.held())
        return removed;
    const QDir dir(directory);
    // Only files with the default names (BackupFiles::defaultFileName): the directory may be
    // shared, and another program's unlocked .partial file is not ours to remove.
    const QStringList names = dir.entryList({QStringLiteral("backup_*") + kSuffix}, QDir::Files | QDir::Hidden);
    for (const QString &name : names) {
        if (name.endsWith(QStringLiteral(".json") + kSuffix))
            continue; // a sidecar's temporary file goes with its backup's, below
        const QString partial = dir.absoluteFilePath(name);
        if (!abandoned(partial))
            continue;
        const QString backup = partial.chopped(kSuffix.size());
        const QString sidecar = BackupInfo::sidecarPath(backup);
        QStringList paths{partial, sidecar + kSuffix};
        // The sidecar is written before the data gets its name: without the data it is this run's.
        if (!QFileInfo::exists(backup))
            paths.append(sidecar);
        for (const QString &path : paths) {
            if (QFileInfo::exists(path) && QFile::remove(path))
                removed.append(path);
        }
    }
    return removed;
}

} // namespace retort
