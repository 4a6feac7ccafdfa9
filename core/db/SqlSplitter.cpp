#include "SqlSplitter.h"

#include "SqlLexer.h"

using namespace Qt::StringLiterals;

namespace retort {

namespace {

// Line and column of increasing offsets, in one forward pass over the text.
class LineTracker
{
public:
    LineTracker(QStringView text, int firstLine)
        : m_text(text)
        , m_line(firstLine)
    {
    }

    void advanceTo(qsizetype offset)
    {
        for (; m_pos < offset; ++m_pos) {
            if (m_text.at(m_pos) == u'\n') {
                ++m_line;
                m_lineStart = m_pos + 1;
            }
        }
    }
    int line() const { return m_line; }
    int column() const { return int(m_pos - m_lineStart) + 1; }

private:
    QStringView m_text;
    qsizetype m_pos = 0;
    int m_line;
    qsizetype m_lineStart = 0;
};

bool wordIs(QStringView word, QStringView keyword)
{
    return word.compare(keyword, Qt::CaseInsensitive) == 0;
}

// What decides whether a ';' ends the statement being read.
struct StatementState
{
    int significantTokens = 0;
    // SQLite: CREATE [TEMP|TEMPORARY] TRIGGER ... BEGIN ... END
    bool trigger = false;
    bool triggerBody = false;
    bool triggerEnded = false;
    int caseDepth = 0;
    bool createSeen = false;
    // PostgreSQL, as psql tracks it: parentheses, and BEGIN ... END in CREATE FUNCTION/PROCEDURE
    int parenDepth = 0;
    int beginDepth = 0;
    int identifierCount = 0;
    char identifiers[4] = {0, 0, 0, 0};

    bool canEnd(SqlDialect dialect) const
    {
        if (dialect == SqlDialect::Sqlite)
            return !trigger || triggerEnded;
        return parenDepth == 0 && beginDepth == 0;
    }

    void sqliteToken(const SqlLexer &lexer, const SqlToken &token)
    {
        const int index = significantTokens++;
        if (token.kind != SqlTokenKind::Word) {
            if (!trigger && index <= 2)
                createSeen = false;
            return;
        }
        const QStringView word = lexer.textOf(token);
        if (!trigger) {
            // CREATE TRIGGER, CREATE TEMP TRIGGER, CREATE TEMPORARY TRIGGER
            if (index == 0) {
                createSeen = wordIs(word, u"CREATE");
            } else if (createSeen && index <= 2) {
                if (wordIs(word, u"TRIGGER"))
                    trigger = true;
                else if (!(index == 1 && (wordIs(word, u"TEMP") || wordIs(word, u"TEMPORARY"))))
                    createSeen = false;
            }
            return;
        }
        if (!triggerBody) {
            triggerBody = wordIs(word, u"BEGIN");
        } else if (!triggerEnded) {
            if (wordIs(word, u"CASE"))
                ++caseDepth;
            else if (wordIs(word, u"END") && caseDepth-- == 0)
                triggerEnded = true;
        }
    }

    void postgresToken(const SqlLexer &lexer, const SqlToken &token)
    {
        ++significantTokens;
        if (token.kind == SqlTokenKind::OpenParen) {
            ++parenDepth;
            return;
        }
        if (token.kind == SqlTokenKind::CloseParen) {
            if (parenDepth > 0)
                --parenDepth;
            return;
        }
        if (!lexer.isIdentifierWord(token))
            return;
        // psql's heuristic: in a statement starting CREATE [OR REPLACE] FUNCTION|PROCEDURE,
        // BEGIN (ATOMIC) ... END and, inside it, CASE ... END nest.
        const QStringView word = lexer.textOf(token);
        if (identifierCount < 4
            && (wordIs(word, u"create") || wordIs(word, u"function") || wordIs(word, u"procedure")
                || wordIs(word, u"or") || wordIs(word, u"replace")))
            identifiers[identifierCount] = char(word.at(0).toLower().unicode());
        ++identifierCount;
        const bool routine = identifiers[0] == 'c'
            && (identifiers[1] == 'f' || identifiers[1] == 'p'
                || (identifiers[1] == 'o' && identifiers[2] == 'r'
                    && (identifiers[3] == 'f' || identifiers[3] == 'p')));
        if (!routine || parenDepth != 0)
            return;
        if (wordIs(word, u"begin"))
            ++beginDepth;
        else if (wordIs(word, u"case") && beginDepth >= 1)
            ++beginDepth;
        else if (wordIs(word, u"end") && beginDepth > 0)
            --beginDepth;
    }
};

DbError unterminated(const SqlLexer &lexer, const SqlToken &token, SqlDialect dialect, int line, int column)
{
    const QString where = u" opened at line "_s + QString::number(line) + u", column "_s + QString::number(column);
    const QStringView text = lexer.textOf(token);
    switch (token.kind) {
    case SqlTokenKind::BlockComment:
        return DbError::make(ErrorKind::UnterminatedComment,
                             u"Unterminated comment: the /*"_s + where + u" is never closed with */"_s
                                 + (dialect == SqlDialect::PostgreSql
                                        ? u" (PostgreSQL comments nest: every /* needs its own */)."_s
                                        : u"."_s),
                             line, column);
    case SqlTokenKind::DollarString: {
        const QString tag = text.left(text.indexOf(u'$', 1) + 1).toString();
        return DbError::make(ErrorKind::UnterminatedDollarQuote,
                             u"Unterminated dollar-quoted string: the "_s + tag + where + u" is never closed with "_s
                                 + tag + u"."_s,
                             line, column);
    }
    case SqlTokenKind::QuotedIdentifier: {
        const QChar open = text.at(0);
        const QChar close = open == u'[' ? u']' : open;
        return DbError::make(ErrorKind::UnterminatedIdentifier,
                             u"Unterminated quoted identifier: the "_s + open + where + u" is never closed with "_s
                                 + close + u"."_s,
                             line, column);
    }
    default: {
        const bool escape = text.at(0) != u'\'';
        return DbError::make(ErrorKind::UnterminatedString,
                             u"Unterminated string literal: the "_s + (escape ? text.left(2).toString() : u"'"_s)
                                 + where + u" is never closed with '"_s
                                 + (escape ? u" (in E'...' strings a backslash escapes the next "
                                             "character, so \\' does not close it)."_s
                                           : u" (write a quote inside a string as '')."_s),
                             line, column);
    }
    }
}

} // namespace

DbResult<QList<SqlStatement>> SqlSplitter::split(QStringView script, SqlDialect dialect, int firstLine)
{
    QList<SqlStatement> statements;
    SqlLexer lexer(script, dialect);
    LineTracker lines(script, firstLine);
    StatementState state;
    qsizetype start = -1; // first character of the statement being read
    qsizetype end = -1; // end of its last significant token

    const auto finish = [&] {
        SqlStatement s;
        lines.advanceTo(start);
        s.line = lines.line();
        s.column = lines.column();
        lines.advanceTo(end - 1);
        s.endLine = lines.line();
        s.offset = start;
        s.text = script.mid(start, end - start).toString();
        statements.append(std::move(s));
        start = -1;
        state = StatementState();
    };

    SqlToken token;
    while (lexer.next(token)) {
        if (!token.terminated) {
            lines.advanceTo(token.start);
            return unterminated(lexer, token, dialect, lines.line(), lines.column());
        }
        if (!token.isSignificant())
            continue;
        if (token.kind == SqlTokenKind::Semicolon) {
            if (start < 0)
                continue; // an empty statement
            if (state.canEnd(dialect)) {
                finish();
                continue;
            }
        } else if (start < 0) {
            start = token.start;
        }
        end = token.end();
        if (dialect == SqlDialect::Sqlite)
            state.sqliteToken(lexer, token);
        else
            state.postgresToken(lexer, token);
    }
    if (start >= 0)
        finish();
    return statements;
}

} // namespace retort
