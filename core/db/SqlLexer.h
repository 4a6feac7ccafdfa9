#pragma once

#include "SqlDialect.h"

#include <QStringView>

namespace retort {

enum class SqlTokenKind {
    Whitespace,
    LineComment, // -- to the end of the line (the newline is not part of it)
    BlockComment, // /* */, nested in PostgreSQL
    String, // '...' ('' escapes); E'...' (backslash escapes) in PostgreSQL
    QuotedIdentifier, // "..." ("" escapes); [...] and `...` in SQLite
    DollarString, // $$...$$ / $tag$...$tag$ in PostgreSQL
    Word, // keyword, identifier, number or $1-style parameter
    Semicolon,
    OpenParen,
    CloseParen,
    Other, // any other single character
};

struct SqlToken
{
    SqlTokenKind kind = SqlTokenKind::Other;
    qsizetype start = 0;
    qsizetype length = 0;
    bool terminated = true; // false: a string / identifier / comment running to the end of text

    qsizetype end() const { return start + length; }
    bool isSignificant() const
    {
        return kind != SqlTokenKind::Whitespace && kind != SqlTokenKind::LineComment
            && kind != SqlTokenKind::BlockComment;
    }
};

// Cuts SQL text into tokens, one pass, no allocation per token: just enough lexing to know where
// strings, quoted names and comments start and end in the given dialect.
class SqlLexer
{
public:
    SqlLexer(QStringView text, SqlDialect dialect)
        : m_text(text)
        , m_dialect(dialect)
    {
    }

    // The next token; false at the end of the text.
    bool next(SqlToken &token);
    QStringView textOf(const SqlToken &token) const { return m_text.mid(token.start, token.length); }
    // A word that can be a keyword or a plain identifier (not a number or a parameter).
    bool isIdentifierWord(const SqlToken &token) const;

private:
    qsizetype scanQuoted(qsizetype from, QChar close, bool doubledEscapes, bool backslashEscapes,
                         bool *terminated) const;
    qsizetype scanBlockComment(qsizetype from, bool *terminated) const;
    qsizetype dollarTagEnd(qsizetype from) const;

    QStringView m_text;
    SqlDialect m_dialect;
    qsizetype m_pos = 0;
};

} // namespace retort
