#include "DirectoryEntries.h"

#include <QFile>

#include <cerrno>
#include <cstring>

#include <dirent.h>
#include <sys/stat.h>

namespace retort {

namespace {

DirectoryEntry::Type typeOfMode(mode_t mode)
{
    if (S_ISREG(mode))
        return DirectoryEntry::Type::File;
    if (S_ISDIR(mode))
        return DirectoryEntry::Type::Directory;
    if (S_ISLNK(mode))
        return DirectoryEntry::Type::SymLink;
    return DirectoryEntry::Type::Other;
}

DirectoryEntry::Type typeOf(const dirent &entry, const QByteArray &directory)
{
    switch (entry.d_type) {
    case DT_REG:
        return DirectoryEntry::Type::File;
    case DT_DIR:
        return DirectoryEntry::Type::Directory;
    case DT_LNK:
        return DirectoryEntry::Type::SymLink;
    case DT_UNKNOWN: {
        struct stat info = {};
        const QByteArray path = directory + '/' + entry.d_name;
        return ::lstat(path.constData(), &info) == 0 ? typeOfMode(info.st_mode) : DirectoryEntry::Type::Other;
    }
    default:
        return DirectoryEntry::Type::Other;
    }
}

} // namespace

Fallible<QList<DirectoryEntry>> readDirectoryEntries(const QString &directory)
{
    const QByteArray encoded = QFile::encodeName(directory);
    DIR *dir = ::opendir(encoded.constData());
    if (!dir)
        return Failure{QString::fromLocal8Bit(std::strerror(errno))};
    QList<DirectoryEntry> entries;
    errno = 0;
    while (const dirent *entry = ::readdir(dir)) {
        const char *name = entry->d_name;
        if (name[0] == '.' && (name[1] == '\0' || (name[1] == '.' && name[2] == '\0')))
            continue;
        entries.append(DirectoryEntry{QByteArray(name), typeOf(*entry, encoded)});
        errno = 0;
    }
    const int failed = errno;
    ::closedir(dir);
    if (failed != 0)
        return Failure{QString::fromLocal8Bit(std::strerror(failed))};
    return entries;
}

} // namespace retort
