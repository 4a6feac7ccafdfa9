#include "FileBytes.h"

#include <QFile>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <unistd.h>

namespace retort {

namespace {

Failure systemError(int error)
{
    return Failure{QString::fromLocal8Bit(std::strerror(error))};
}

// Reads `fd` to its end and closes it. Most revision files fit the first buffer, whose short
// read is the end: no fstat for the size, and no second read to learn that there is no more.
Fallible<QByteArray> readAndClose(int fd)
{
    constexpr qsizetype chunk = 64 * 1024;
    thread_local QByteArray buffer(chunk, Qt::Uninitialized);
    QByteArray bytes;
    for (;;) {
        const ssize_t got = ::read(fd, buffer.data(), size_t(chunk));
        if (got < 0) {
            if (errno == EINTR)
                continue;
            const int error = errno;
            ::close(fd);
            return systemError(error);
        }
        if (bytes.isEmpty() && got < chunk) { // the common case: all of it at once
            ::close(fd);
            return QByteArray(buffer.constData(), got);
        }
        bytes.append(buffer.constData(), got);
        if (got < chunk)
            break;
    }
    ::close(fd);
    return bytes;
}

} // namespace

Fallible<QByteArray> readFileBytes(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return systemError(errno);
    return readAndClose(fd);
}

Fallible<QByteArray> readFileBytesAt(int directory, const QByteArray &name)
{
    const int fd = ::openat(directory, name.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return systemError(errno);
    return readAndClose(fd);
}

} // namespace retort
