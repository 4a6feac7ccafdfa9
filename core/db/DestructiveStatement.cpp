#include "DestructiveStatement.h"

#include "SqlLexer.h"

#include <QList>

using namespace Qt::StringLiterals;

namespace retort {

namespace {

struct Token
{
    QString word; // upper-cased keyword or identifier; empty for anything else
    int depth = 0; // parenthesis depth
};

QList<Token> significantTokens(QStringView statement, SqlDialect dialect)
{
    QList<Token> tokens;
    SqlLexer lexer(statement, dialect);
    SqlToken token;
    int depth = 0;
    while (lexer.next(token)) {
        if (!token.isSignificant())
            continue;
        if (token.kind == SqlTokenKind::CloseParen && depth > 0)
            --depth;
        tokens.append({lexer.isIdentifierWord(token) ? lexer.textOf(token).toString().toUpper() : QString(), depth});
        if (token.kind == SqlTokenKind::OpenParen)
            ++depth;
    }
    return tokens;
}

bool hasTopLevelWord(const QList<Token> &tokens, qsizetype from, const QString &word)
{
    for (qsizetype i = from; i < tokens.size(); ++i) {
        if (tokens.at(i).depth == 0 && tokens.at(i).word == word)
            return true;
    }
    return false;
}

} // namespace

QString DestructiveStatement::reason(QStringView statement, SqlDialect dialect)
{
    const QList<Token> tokens = significantTokens(statement, dialect);
    const auto wordAt = [&](qsizetype i) { return i < tokens.size() ? tokens.at(i).word : QString(); };
    qsizetype verbAt = 0;
    if (wordAt(0) == u"WITH"_s) {
        // WITH a AS (...), b AS (...) <verb>: the verb is the first data verb outside the CTEs.
        static const QStringList verbs = {u"DELETE"_s, u"UPDATE"_s, u"INSERT"_s, u"SELECT"_s, u"MERGE"_s};
        verbAt = tokens.size();
        for (qsizetype i = 1; i < tokens.size(); ++i) {
            if (tokens.at(i).depth == 0 && verbs.contains(tokens.at(i).word)) {
                verbAt = i;
                break;
            }
        }
    }
    const QString verb = wordAt(verbAt);

    if (verb == u"DROP"_s) {
        static const QStringList losing = {u"TABLE"_s,    u"INDEX"_s,    u"SCHEMA"_s,
                                           u"DATABASE"_s, u"SEQUENCE"_s, u"OWNED"_s};
        const QString object = wordAt(verbAt + 1);
        if (losing.contains(object))
            return u"DROP "_s + object;
        if (hasTopLevelWord(tokens, verbAt + 1, u"CASCADE"_s))
            return u"DROP ... CASCADE"_s;
        return {};
    }
    if (verb == u"TRUNCATE"_s)
        return u"TRUNCATE"_s;
    if (verb == u"DELETE"_s || verb == u"UPDATE"_s) {
        if (hasTopLevelWord(tokens, verbAt + 1, u"WHERE"_s))
            return {};
        return verb + u" without WHERE"_s;
    }
    if (verb == u"ALTER"_s && wordAt(verbAt + 1) == u"TABLE"_s) {
        // ALTER COLUMN c DROP DEFAULT / NOT NULL / EXPRESSION / IDENTITY keep the data.
        static const QStringList keeping = {u"DEFAULT"_s, u"NOT"_s, u"EXPRESSION"_s, u"IDENTITY"_s};
        QString found;
        for (qsizetype i = verbAt + 2; i < tokens.size(); ++i) {
            if (tokens.at(i).depth != 0 || tokens.at(i).word != u"DROP"_s)
                continue;
            const QString what = wordAt(i + 1);
            if (keeping.contains(what))
                continue;
            if (what != u"CONSTRAINT"_s)
                return u"ALTER TABLE ... DROP COLUMN"_s;
            found = u"ALTER TABLE ... DROP CONSTRAINT"_s;
        }
        return found;
    }
    return {};
}

} // namespace retort
