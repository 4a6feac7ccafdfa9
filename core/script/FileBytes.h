#pragma once

#include "Expected.h"

#include <QByteArray>
#include <QString>

namespace retort {

// The whole of a file, in as few system calls as the kernel allows (open, read, close; one read
// more for a file past 64 KiB): reading thousands of revision files is mostly system calls, and
// QFile adds a stat and a second read to each. The failure is the system's reason ("Permission
// denied", "Is a directory").
Fallible<QByteArray> readFileBytes(const QString &path);
// The same for `name` in the directory open as `directory` (openat): the kernel need not walk
// the directory's path again for each of its files.
Fallible<QByteArray> readFileBytesAt(int directory, const QByteArray &name);

} // namespace retort
