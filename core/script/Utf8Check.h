#pragma once

#include "Problem.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <string_view>

namespace retort {

// The first byte of `text` that is not valid UTF-8 (overlong forms and surrogates included), or
// nullopt when all of it is. Python refuses such a file, and SQL read from it would have the
// bytes replaced, so a revision file must be valid UTF-8.
std::optional<size_t> firstInvalidUtf8Byte(std::string_view text);

// An "InvalidEncoding" error naming the line and the byte, or nullopt for valid UTF-8.
std::optional<Problem> invalidUtf8Problem(std::string_view text, const QString &path);

} // namespace retort
