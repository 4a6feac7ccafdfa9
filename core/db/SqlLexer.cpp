#include "SqlLexer.h"

namespace retort {

namespace {

bool isIdentStart(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'_' || c.unicode() >= 0x80;
}

bool isIdentChar(QChar c)
{
    return isIdentStart(c) || (c >= u'0' && c <= u'9') || c == u'$';
}

// Characters of a dollar-quote tag after the first (PostgreSQL's dolq_cont: no '$').
bool isTagChar(QChar c)
{
    return isIdentStart(c) || (c >= u'0' && c <= u'9');
}

} // namespace

qsizetype SqlLexer::scanQuoted(qsizetype from, QChar close, bool doubledEscapes, bool backslashEscapes,
                               bool *terminated) const
{
    const qsizetype n = m_text.size();
    qsizetype i = from;
    while (i < n) {
        const QChar c = m_text.at(i);
        if (backslashEscapes && c == u'\\') {
            i += 2;
            continue;
        }
        if (c == close) {
            if (doubledEscapes && i + 1 < n && m_text.at(i + 1) == close) {
                i += 2;
                continue;
            }
            *terminated = true;
            return i + 1;
        }
        ++i;
    }
    *terminated = false;
    return n;
}

qsizetype SqlLexer::scanBlockComment(qsizetype from, bool *terminated) const
{
    const qsizetype n = m_text.size();
    const bool nested = m_dialect == SqlDialect::PostgreSql;
    int depth = 1;
    qsizetype i = from;
    while (i + 1 < n) {
        const QChar c = m_text.at(i);
        if (c == u'*' && m_text.at(i + 1) == u'/') {
            i += 2;
            if (--depth == 0) {
                *terminated = true;
                return i;
            }
        } else if (nested && c == u'/' && m_text.at(i + 1) == u'*') {
            i += 2;
            ++depth;
        } else {
            ++i;
        }
    }
    *terminated = false;
    return n;
}

// At a '$': the end of a $tag$ opener, or -1 when this '$' does not open a dollar quote
// ($1 parameters, a lone '$').
qsizetype SqlLexer::dollarTagEnd(qsizetype from) const
{
    const qsizetype n = m_text.size();
    qsizetype i = from + 1;
    if (i < n && m_text.at(i) == u'$')
        return i + 1;
    if (i >= n || !isIdentStart(m_text.at(i)))
        return -1;
    while (i < n && isTagChar(m_text.at(i)))
        ++i;
    return i < n && m_text.at(i) == u'$' ? i + 1 : -1;
}

bool SqlLexer::isIdentifierWord(const SqlToken &token) const
{
    return token.kind == SqlTokenKind::Word && isIdentStart(m_text.at(token.start));
}

bool SqlLexer::next(SqlToken &token)
{
    const qsizetype n = m_text.size();
    if (m_pos >= n)
        return false;
    const bool pg = m_dialect == SqlDialect::PostgreSql;
    const qsizetype start = m_pos;
    const QChar c = m_text.at(start);
    const QChar next = start + 1 < n ? m_text.at(start + 1) : QChar();
    token = SqlToken{SqlTokenKind::Other, start, 1, true};
    qsizetype end = start + 1;

    if (c.isSpace()) {
        token.kind = SqlTokenKind::Whitespace;
        while (end < n && m_text.at(end).isSpace())
            ++end;
    } else if (c == u'-' && next == u'-') {
        token.kind = SqlTokenKind::LineComment;
        end = m_text.indexOf(u'\n', start);
        if (end < 0)
            end = n;
    } else if (c == u'/' && next == u'*') {
        token.kind = SqlTokenKind::BlockComment;
        end = scanBlockComment(start + 2, &token.terminated);
    } else if (c == u'\'') {
        token.kind = SqlTokenKind::String;
        end = scanQuoted(start + 1, u'\'', true, false, &token.terminated);
    } else if (c == u'"') {
        token.kind = SqlTokenKind::QuotedIdentifier;
        end = scanQuoted(start + 1, u'"', true, false, &token.terminated);
    } else if (!pg && c == u'[') {
        token.kind = SqlTokenKind::QuotedIdentifier;
        end = scanQuoted(start + 1, u']', false, false, &token.terminated);
    } else if (!pg && c == u'`') {
        token.kind = SqlTokenKind::QuotedIdentifier;
        end = scanQuoted(start + 1, u'`', true, false, &token.terminated);
    } else if (pg && (c == u'e' || c == u'E') && next == u'\'') {
        // E'...': an escape string, where \' does not end the literal.
        token.kind = SqlTokenKind::String;
        end = scanQuoted(start + 2, u'\'', true, true, &token.terminated);
    } else if (pg && c == u'$' && dollarTagEnd(start) > 0) {
        token.kind = SqlTokenKind::DollarString;
        const qsizetype tagEnd = dollarTagEnd(start);
        const QStringView tag = m_text.mid(start, tagEnd - start);
        const qsizetype close = m_text.indexOf(tag, tagEnd);
        token.terminated = close >= 0;
        end = close >= 0 ? close + tag.size() : n;
    } else if (isIdentChar(c)) {
        // Identifiers, keywords, numbers and $1 / $name parameters; PostgreSQL and SQLite both
        // allow '$' inside identifiers, so "a$b$" is one word, not a dollar quote.
        token.kind = SqlTokenKind::Word;
        while (end < n && isIdentChar(m_text.at(end)))
            ++end;
    } else if (c == u';') {
        token.kind = SqlTokenKind::Semicolon;
    } else if (c == u'(') {
        token.kind = SqlTokenKind::OpenParen;
    } else if (c == u')') {
        token.kind = SqlTokenKind::CloseParen;
    }
    token.length = end - start;
    m_pos = end;
    return true;
}

} // namespace retort
