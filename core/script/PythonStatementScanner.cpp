#include "PythonStatementScanner.h"

#include <array>
#include <cstring>

using namespace Qt::StringLiterals;

namespace retort {

void PythonStatementScanner::fail(int line, const QString &message)
{
    if (m_errorLine == 0) {
        m_errorLine = line;
        m_errorMessage = message;
    }
}

namespace {

// The bytes a scan stops at, as a table: one lookup a byte instead of a comparison per stop.
// Numbers rather than bools, so four lookups combine with | without a branch each.
struct Stops
{
    std::array<unsigned char, 256> at{};
    constexpr explicit Stops(std::string_view bytes)
    {
        for (const char c : bytes)
            at[static_cast<unsigned char>(c)] = 1;
    }
};

constexpr Stops kStatementStops("#\"'([{)]}\\\n");
constexpr Stops kDoubleQuotedStops("\"\\\n");
constexpr Stops kSingleQuotedStops("'\\\n");

// The offset of the first byte at or after `from` that is a stop, or the size. Most of a
// revision file is bytes a scan passes over: four at a time while none of them stops it.
size_t nextStop(std::string_view src, size_t from, const Stops &stops)
{
    const auto *p = reinterpret_cast<const unsigned char *>(src.data());
    const size_t n = src.size();
    while (from + 4 <= n
           && !(stops.at[p[from]] | stops.at[p[from + 1]] | stops.at[p[from + 2]] | stops.at[p[from + 3]]))
        from += 4;
    while (from < n && !stops.at[p[from]])
        ++from;
    return from;
}

} // namespace

// At an opening quote: moves past the closing one, counting lines.
void PythonStatementScanner::skipString()
{
    const char q = m_src[m_pos];
    const size_t n = m_src.size();
    const int startLine = m_line;
    const bool triple = m_pos + 2 < n && m_src[m_pos + 1] == q && m_src[m_pos + 2] == q;
    m_pos += triple ? 3 : 1;
    const Stops &stops = q == '"' ? kDoubleQuotedStops : kSingleQuotedStops;
    while (m_pos < n) {
        // Jump to the next character that matters inside a string.
        m_pos = nextStop(m_src, m_pos, stops);
        if (m_pos >= n)
            break;
        const char c = m_src[m_pos];
        if (c == '\\') {
            if (m_pos + 1 < n && m_src[m_pos + 1] == '\n')
                ++m_line;
            m_pos += 2;
            continue;
        }
        if (c == '\n') {
            if (!triple) {
                fail(startLine, u"a string is not closed on its line"_s);
                return; // the newline ends the statement as Python would report it
            }
            ++m_line;
            ++m_pos;
            continue;
        }
        // c == q
        if (!triple) {
            ++m_pos;
            return;
        }
        if (m_pos + 2 < n && m_src[m_pos + 1] == q && m_src[m_pos + 2] == q) {
            m_pos += 3;
            return;
        }
        ++m_pos;
    }
    m_pos = n;
    fail(startLine, u"a string that starts here is never closed"_s);
}

bool PythonStatementScanner::next(PythonStatement &st)
{
    const size_t n = m_src.size();
    while (m_pos < n) {
        const size_t lineStart = m_pos;
        while (m_pos < n
               && (m_src[m_pos] == ' ' || m_src[m_pos] == '\t' || m_src[m_pos] == '\f' || m_src[m_pos] == '\r'))
            ++m_pos;
        if (m_pos >= n)
            return false;
        const char first = m_src[m_pos];
        if (first == '\n') {
            ++m_pos;
            ++m_line;
            continue;
        }
        st.begin = m_pos;
        st.firstLine = m_line;
        st.lastLine = m_line;
        st.indent = int(m_pos - lineStart);
        st.comment = first == '#';
        if (st.comment) {
            const void *nl = std::memchr(m_src.data() + m_pos, '\n', n - m_pos);
            st.end = nl ? size_t(static_cast<const char *>(nl) - m_src.data()) : n;
            m_pos = st.end + 1;
            ++m_line;
            return true;
        }
        int depth = 0;
        int depthLine = 0;
        while (m_pos < n) {
            m_pos = nextStop(m_src, m_pos, kStatementStops);
            if (m_pos >= n)
                break;
            const char c = m_src[m_pos];
            switch (c) {
            case '#': {
                const void *nl = std::memchr(m_src.data() + m_pos, '\n', n - m_pos);
                m_pos = nl ? size_t(static_cast<const char *>(nl) - m_src.data()) : n;
                continue;
            }
            case '"':
            case '\'':
                skipString();
                continue;
            case '(':
            case '[':
            case '{':
                if (depth++ == 0)
                    depthLine = m_line;
                break;
            case ')':
            case ']':
            case '}':
                if (depth > 0)
                    --depth;
                break;
            case '\\':
                if (m_pos + 1 < n && m_src[m_pos + 1] == '\n') {
                    ++m_line;
                    m_pos += 2;
                    continue;
                }
                if (m_pos + 2 < n && m_src[m_pos + 1] == '\r' && m_src[m_pos + 2] == '\n') {
                    ++m_line;
                    m_pos += 3;
                    continue;
                }
                break;
            case '\n':
                if (depth == 0) {
                    st.end = m_pos;
                    st.lastLine = m_line;
                    ++m_pos;
                    ++m_line;
                    return true;
                }
                ++m_line;
                break;
            default:
                break;
            }
            ++m_pos;
        }
        if (depth > 0)
            fail(depthLine, u"a bracket opened here is never closed"_s);
        st.end = n;
        st.lastLine = m_line;
        return true;
    }
    return false;
}

} // namespace retort
