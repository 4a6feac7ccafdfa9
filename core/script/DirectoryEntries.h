#pragma once

#include "Expected.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace retort {

// One name in a directory and what it is, as the directory itself reports it.
struct DirectoryEntry
{
    enum class Type { File, Directory, SymLink, Other };
    QByteArray name; // as the file system has it (QFile::decodeName for a QString)
    Type type = Type::Other;
};

// The entries of a directory but "." and "..", hidden ones included, in no set order. Types come
// from readdir's d_type, so listing 10,000 revision files costs no stat each (QDir stats every
// entry); only a file system that does not report types gets an lstat per entry. A symbolic link
// is reported as one, not followed. The failure is the system's reason ("Permission denied").
Fallible<QList<DirectoryEntry>> readDirectoryEntries(const QString &directory);

} // namespace retort
