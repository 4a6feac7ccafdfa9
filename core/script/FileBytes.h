#pragma once

#include "Expected.h"

#include <QByteArray>
#include <QString>

namespace retort {

// The whole of a file, in as few system calls as the kernel allows (open, fstat, one read,
// close): reading thousands of revision files is mostly system calls, and QFile adds a stat and
// a second read to each. The failure is the system's reason ("Permission denied").
Fallible<QByteArray> readFileBytes(const QString &path);

} // namespace retort
