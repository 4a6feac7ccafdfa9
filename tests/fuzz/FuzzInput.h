#pragma once

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>

namespace retort::fuzz {

// The fuzzer's bytes as Qt sees a file's: raw, and decoded as UTF-8 (invalid sequences become
// U+FFFD, as they do when Retort reads a file).
inline QByteArray bytes(const std::uint8_t *data, std::size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

inline QString text(const std::uint8_t *data, std::size_t size)
{
    return QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
}

} // namespace retort::fuzz
