#include "FileBytes.h"

#include <QFile>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace retort {

namespace {

Failure systemError()
{
    return Failure{QString::fromLocal8Bit(std::strerror(errno))};
}

} // namespace

Fallible<QByteArray> readFileBytes(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return systemError();
    struct stat info = {};
    if (::fstat(fd, &info) != 0) {
        const Failure failure = systemError();
        ::close(fd);
        return failure;
    }
    if (S_ISDIR(info.st_mode)) {
        ::close(fd);
        return Failure{QString::fromLocal8Bit(std::strerror(EISDIR))};
    }
    // One byte more than the size: a short read then means the end, with no second call to
    // learn it; a file that grew meanwhile is read on to its end.
    QByteArray bytes(qsizetype(info.st_size) + 1, Qt::Uninitialized);
    qsizetype filled = 0;
    for (;;) {
        const ssize_t got = ::read(fd, bytes.data() + filled, size_t(bytes.size() - filled));
        if (got < 0) {
            if (errno == EINTR)
                continue;
            const Failure failure = systemError();
            ::close(fd);
            return failure;
        }
        filled += got;
        if (got == 0 || filled < bytes.size())
            break;
        bytes.resize(bytes.size() * 2);
    }
    ::close(fd);
    bytes.truncate(filled);
    return bytes;
}

} // namespace retort
