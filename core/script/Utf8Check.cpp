#include "Utf8Check.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace retort {

std::optional<size_t> firstInvalidUtf8Byte(std::string_view text)
{
    size_t i = 0;
    while (i < text.size()) {
        // Revision files are nearly all ASCII: eight bytes at a time while none has its high bit.
        while (i + 8 <= text.size()) {
            std::uint64_t word;
            std::memcpy(&word, text.data() + i, sizeof word);
            if (word & 0x8080808080808080u)
                break;
            i += 8;
        }
        if (i >= text.size())
            break;
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        size_t length = 0;
        unsigned char low = 0x80;
        unsigned char high = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            length = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            length = 3;
            low = c == 0xE0 ? 0xA0 : 0x80; // no overlong forms
            high = c == 0xED ? 0x9F : 0xBF; // no surrogates
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4;
            low = c == 0xF0 ? 0x90 : 0x80;
            high = c == 0xF4 ? 0x8F : 0xBF; // nothing past U+10FFFF
        } else {
            return i;
        }
        if (i + length > text.size())
            return i;
        const auto second = static_cast<unsigned char>(text[i + 1]);
        if (second < low || second > high)
            return i;
        for (size_t k = 2; k < length; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            if (next < 0x80 || next > 0xBF)
                return i;
        }
        i += length;
    }
    return std::nullopt;
}

std::optional<Problem> invalidUtf8Problem(std::string_view text, const QString &path)
{
    const std::optional<size_t> at = firstInvalidUtf8Byte(text);
    if (!at)
        return std::nullopt;
    const auto line = int(std::count(text.begin(), text.begin() + qsizetype(*at), '\n')) + 1;
    const auto byte = static_cast<unsigned char>(text[*at]);
    return Problem::make(Problem::Severity::Error, QStringLiteral("InvalidEncoding"), path, line,
                         QStringLiteral("byte 0x%1 is not valid UTF-8; save the file as UTF-8 (Python and "
                                        "Retort read revision files as UTF-8)")
                             .arg(byte, 2, 16, QLatin1Char('0')));
}

} // namespace retort
