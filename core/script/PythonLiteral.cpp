#include "PythonLiteral.h"

#include <optional>

using namespace Qt::StringLiterals;

namespace retort {

namespace {

bool isIdentStart(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

bool isIdentChar(char c)
{
    return isIdentStart(c) || (c >= '0' && c <= '9');
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

void appendCodePoint(std::string &out, char32_t cp)
{
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
}

// Recursive-descent reader over one expression's bytes.
class ExpressionReader
{
public:
    ExpressionReader(std::string_view text, const PythonLiteral::NameResolver &resolve)
        : m_text(text)
        , m_resolve(resolve)
    {
    }

    PythonLiteral read()
    {
        PythonLiteral first = value();
        if (first.kind == PythonLiteral::Kind::Unreadable)
            return first;
        skipSpace();
        if (peek() == ',') {
            // A bare tuple: down_revision = "a", "b"
            if (first.kind != PythonLiteral::Kind::String)
                return unreadable(u"a tuple holding something other than strings"_s);
            PythonLiteral tuple = sequenceItems(0, first.strings);
            if (tuple.kind == PythonLiteral::Kind::Unreadable)
                return tuple;
            first = tuple;
        }
        skipSpace();
        if (m_pos < m_text.size())
            return unreadable(u"an expression, not a literal"_s);
        return first;
    }

private:
    char peek() const { return m_pos < m_text.size() ? m_text[m_pos] : '\0'; }

    static PythonLiteral unreadable(const QString &reason)
    {
        PythonLiteral v;
        v.kind = PythonLiteral::Kind::Unreadable;
        v.reason = reason;
        return v;
    }

    // Whitespace, newlines, comments and backslash continuations between tokens.
    void skipSpace()
    {
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                ++m_pos;
            } else if (c == '\\' && m_pos + 1 < m_text.size()
                       && (m_text[m_pos + 1] == '\n' || m_text[m_pos + 1] == '\r')) {
                m_pos += 2;
            } else if (c == '#') {
                while (m_pos < m_text.size() && m_text[m_pos] != '\n')
                    ++m_pos;
            } else {
                break;
            }
        }
    }

    PythonLiteral value()
    {
        skipSpace();
        const char c = peek();
        if (c == '(' || c == '[') {
            ++m_pos;
            return bracketed(c == '(' ? ')' : ']');
        }
        if (c == '{')
            return unreadable(u"a set or dict"_s);
        if (c == '"' || c == '\'')
            return strings();
        if (isIdentStart(c)) {
            const size_t start = m_pos;
            while (m_pos < m_text.size() && isIdentChar(m_text[m_pos]))
                ++m_pos;
            const std::string_view word = m_text.substr(start, m_pos - start);
            if ((word.size() <= 2) && (peek() == '"' || peek() == '\'')) {
                bool fString = false;
                bool valid = true;
                for (char p : word) {
                    const char l = char(p | 0x20);
                    if (l == 'f')
                        fString = true;
                    else if (l != 'r' && l != 'u' && l != 'b')
                        valid = false;
                }
                if (valid && fString)
                    return unreadable(u"an f-string"_s);
                if (valid) {
                    m_pos = start;
                    return strings();
                }
            }
            if (word == "None") {
                skipSpace();
                if (peek() == '(' || peek() == '.' || peek() == '[')
                    return unreadable(u"an expression, not a literal"_s);
                PythonLiteral v;
                v.kind = PythonLiteral::Kind::None;
                return v;
            }
            QString name = QString::fromUtf8(word);
            // A dotted name: module.CONSTANT (or package.module.CONSTANT).
            while (peek() == '.' && m_pos + 1 < m_text.size() && isIdentStart(m_text[m_pos + 1])) {
                const size_t part = ++m_pos;
                while (m_pos < m_text.size() && isIdentChar(m_text[m_pos]))
                    ++m_pos;
                name += u'.' + QString::fromUtf8(m_text.substr(part, m_pos - part));
            }
            skipSpace();
            if (peek() == '(')
                return unreadable(u"a call to %1()"_s.arg(name));
            if (peek() == '.' || peek() == '[')
                return unreadable(u"an expression, not a literal"_s);
            if (m_resolve) {
                if (const std::optional<QString> value = m_resolve(name)) {
                    PythonLiteral v;
                    v.kind = PythonLiteral::Kind::String;
                    v.strings = {*value};
                    return v;
                }
            }
            return unreadable(u"the name %1"_s.arg(name));
        }
        if (c == '\0')
            return unreadable(u"nothing"_s);
        if (c >= '0' && c <= '9')
            return unreadable(u"a number, not a string"_s);
        return unreadable(u"an expression, not a literal"_s);
    }

    // After '(' or '[': empty, a parenthesized value, or a tuple / list of strings.
    PythonLiteral bracketed(char close)
    {
        skipSpace();
        if (peek() == close) {
            ++m_pos;
            PythonLiteral v;
            v.kind = PythonLiteral::Kind::Sequence;
            return v;
        }
        PythonLiteral first = value();
        if (first.kind == PythonLiteral::Kind::Unreadable)
            return first;
        skipSpace();
        if (peek() == close) {
            ++m_pos;
            if (close == ')')
                return first; // parentheses only group
            if (first.kind != PythonLiteral::Kind::String)
                return unreadable(u"a list holding something other than strings"_s);
            first.kind = PythonLiteral::Kind::Sequence;
            return first;
        }
        if (peek() != ',')
            return unreadable(u"an expression, not a literal"_s);
        if (first.kind != PythonLiteral::Kind::String)
            return unreadable(u"a sequence holding something other than strings"_s);
        return sequenceItems(close, first.strings);
    }

    // At a ',' after the first item; reads the remaining string items up to close
    // (0: up to the end of the expression, for a bare tuple).
    PythonLiteral sequenceItems(char close, QStringList items)
    {
        while (true) {
            skipSpace();
            if (peek() != ',')
                break;
            ++m_pos;
            skipSpace();
            if ((close && peek() == close) || (!close && m_pos >= m_text.size()))
                break; // trailing comma
            PythonLiteral item = value();
            if (item.kind == PythonLiteral::Kind::Unreadable)
                return item;
            if (item.kind != PythonLiteral::Kind::String)
                return unreadable(u"a sequence holding something other than strings"_s);
            items += item.strings;
        }
        skipSpace();
        if (close) {
            if (peek() != close)
                return unreadable(u"an expression, not a literal"_s);
            ++m_pos;
        }
        PythonLiteral v;
        v.kind = PythonLiteral::Kind::Sequence;
        v.strings = items;
        return v;
    }

    // One or more adjacent string literals, concatenated.
    PythonLiteral strings()
    {
        QString text;
        bool any = false;
        while (true) {
            skipSpace();
            const size_t start = m_pos;
            bool raw = false;
            bool fString = false;
            while (m_pos < m_text.size() && isIdentChar(m_text[m_pos]) && m_pos - start < 2) {
                const char l = char(m_text[m_pos] | 0x20);
                if (l == 'r')
                    raw = true;
                else if (l == 'f')
                    fString = true;
                else if (l != 'u' && l != 'b')
                    break;
                ++m_pos;
            }
            const char q = peek();
            if (q != '"' && q != '\'') {
                m_pos = start;
                break;
            }
            if (fString)
                return unreadable(u"an f-string"_s);
            const bool triple = m_pos + 2 < m_text.size() && m_text[m_pos + 1] == q && m_text[m_pos + 2] == q;
            const size_t quoteLen = triple ? 3 : 1;
            const size_t bodyStart = m_pos + quoteLen;
            size_t i = bodyStart;
            bool closed = false;
            while (i < m_text.size()) {
                const char c = m_text[i];
                if (c == '\\') {
                    i += 2;
                    continue;
                }
                if (c == q && (!triple || (i + 2 < m_text.size() && m_text[i + 1] == q && m_text[i + 2] == q))) {
                    closed = true;
                    break;
                }
                if (!triple && c == '\n')
                    break;
                ++i;
            }
            if (!closed)
                return unreadable(u"an unterminated string"_s);
            text += PythonLiteral::decodeString(m_text.substr(bodyStart, i - bodyStart), raw);
            m_pos = i + quoteLen;
            any = true;
        }
        if (!any)
            return unreadable(u"an expression, not a literal"_s);
        skipSpace();
        const char next = peek();
        if (next == '.' || next == '[' || next == '(' || next == '%' || next == '+' || next == '*')
            return unreadable(u"an expression, not a literal"_s);
        PythonLiteral v;
        v.kind = PythonLiteral::Kind::String;
        v.strings = {text};
        return v;
    }

    std::string_view m_text;
    const PythonLiteral::NameResolver &m_resolve;
    size_t m_pos = 0;
};

} // namespace

namespace {

// What the general reader gives for the two values nearly every revision file writes: one
// plain string literal ('abc', no escapes, no prefix) or None, each maybe followed by blanks
// and a comment. nullopt for anything else.
std::optional<PythonLiteral> simpleLiteral(std::string_view text)
{
    size_t i = 0;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t'))
        ++i;
    if (i >= text.size())
        return std::nullopt;
    PythonLiteral literal;
    size_t end = 0;
    if (text.substr(i, 4) == "None") {
        literal.kind = PythonLiteral::Kind::None;
        end = i + 4;
    } else {
        const char quote = text[i];
        if (quote != '\'' && quote != '"')
            return std::nullopt;
        const size_t close = text.find(quote, i + 1);
        // Empty ('') would start a triple quote as well as end the string: the reader decides.
        if (close == std::string_view::npos || close == i + 1)
            return std::nullopt;
        const std::string_view body = text.substr(i + 1, close - i - 1);
        if (body.find_first_of("\\\r\n") != std::string_view::npos)
            return std::nullopt;
        literal.kind = PythonLiteral::Kind::String;
        literal.strings = {QString::fromUtf8(body.data(), qsizetype(body.size()))};
        end = close + 1;
    }
    for (size_t j = end; j < text.size(); ++j) {
        const char c = text[j];
        if (c == '#')
            break; // a comment runs to the end of the statement
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '\f')
            return std::nullopt; // None(...), 'a' 'b', 'a', 'b', ...
    }
    return literal;
}

} // namespace

PythonLiteral PythonLiteral::parse(std::string_view expression, const NameResolver &resolve)
{
    if (std::optional<PythonLiteral> simple = simpleLiteral(expression))
        return std::move(*simple);
    return ExpressionReader(expression, resolve).read();
}

QString PythonLiteral::decodeString(std::string_view body, bool raw)
{
    const bool plain = body.find('\\') == std::string_view::npos && body.find('\r') == std::string_view::npos;
    if (plain)
        return QString::fromUtf8(body.data(), qsizetype(body.size()));
    std::string out;
    out.reserve(body.size());
    for (size_t i = 0; i < body.size(); ++i) {
        const char c = body[i];
        if (c == '\r') {
            // Python reads source with universal newlines.
            if (i + 1 < body.size() && body[i + 1] == '\n')
                continue;
            out += '\n';
            continue;
        }
        if (c != '\\' || i + 1 >= body.size()) {
            out += c;
            continue;
        }
        const char e = body[i + 1];
        if (raw) {
            // Raw strings keep the backslash; it only stops a quote from closing the string.
            out += c;
            continue;
        }
        ++i;
        switch (e) {
        case '\n':
            break; // line continuation inside the string
        case '\r':
            if (i + 1 < body.size() && body[i + 1] == '\n')
                ++i;
            break;
        case '\\':
            out += '\\';
            break;
        case '\'':
            out += '\'';
            break;
        case '"':
            out += '"';
            break;
        case 'a':
            out += '\a';
            break;
        case 'b':
            out += '\b';
            break;
        case 'f':
            out += '\f';
            break;
        case 'n':
            out += '\n';
            break;
        case 'r':
            out += '\r';
            break;
        case 't':
            out += '\t';
            break;
        case 'v':
            out += '\v';
            break;
        case 'x':
        case 'u':
        case 'U': {
            const size_t digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
            char32_t cp = 0;
            size_t k = 0;
            for (; k < digits && i + 1 + k < body.size(); ++k) {
                const int h = hexValue(body[i + 1 + k]);
                if (h < 0)
                    break;
                cp = cp * 16 + char32_t(h);
            }
            if (k != digits || cp > 0x10FFFF) {
                out += '\\';
                out += e;
                break;
            }
            appendCodePoint(out, cp);
            i += digits;
            break;
        }
        default:
            if (e >= '0' && e <= '7') {
                char32_t cp = char32_t(e - '0');
                size_t k = 1;
                while (k < 3 && i + k < body.size() && body[i + k] >= '0' && body[i + k] <= '7') {
                    cp = cp * 8 + char32_t(body[i + k] - '0');
                    ++k;
                }
                i += k - 1;
                appendCodePoint(out, cp);
            } else {
                // Unknown escapes (and \N{...}) stay as written.
                out += '\\';
                out += e;
            }
        }
    }
    return QString::fromUtf8(out.data(), qsizetype(out.size()));
}

} // namespace retort
