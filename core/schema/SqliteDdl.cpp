#include "SqliteDdl.h"

#include "db/SqlLexer.h"

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace retort {

namespace {

// A significant token and whether whitespace or a comment came before it.
struct Token
{
    SqlTokenKind kind;
    QStringView text;
    qsizetype start;
    qsizetype end;
    bool spaceBefore;
};

using Tokens = QList<Token>;

Tokens tokenize(QStringView sql)
{
    Tokens tokens;
    SqlLexer lexer(sql, SqlDialect::Sqlite);
    SqlToken token;
    bool space = false;
    while (lexer.next(token)) {
        if (!token.isSignificant()) {
            space = true;
            continue;
        }
        tokens.append({token.kind, lexer.textOf(token), token.start, token.end(), space});
        space = false;
    }
    return tokens;
}

bool isWord(const Tokens &t, qsizetype i, QStringView word)
{
    return i >= 0 && i < t.size() && t.at(i).kind == SqlTokenKind::Word
        && t.at(i).text.compare(word, Qt::CaseInsensitive) == 0;
}

bool isComma(const Tokens &t, qsizetype i)
{
    return i < t.size() && t.at(i).kind == SqlTokenKind::Other && t.at(i).text == u",";
}

// The index of the parenthesis closing the one at `open`, or t.size() when unbalanced.
qsizetype closing(const Tokens &t, qsizetype open)
{
    int depth = 0;
    for (qsizetype i = open; i < t.size(); ++i) {
        if (t.at(i).kind == SqlTokenKind::OpenParen)
            ++depth;
        else if (t.at(i).kind == SqlTokenKind::CloseParen && --depth == 0)
            return i;
    }
    return t.size();
}

// Tokens [from, to) as text with each run of whitespace and comments made one space.
QString joined(const Tokens &t, qsizetype from, qsizetype to)
{
    QString text;
    for (qsizetype i = from; i < to && i < t.size(); ++i) {
        if (i > from && t.at(i).spaceBefore)
            text += u' ';
        text += t.at(i).text;
    }
    return text;
}

// A name as SQLite reads it: "x", [x], `x` and 'x' unquoted.
QString identifier(const Token &token)
{
    if (token.kind != SqlTokenKind::QuotedIdentifier && token.kind != SqlTokenKind::String)
        return token.text.toString();
    const QStringView inner = token.text.size() >= 2 ? token.text.mid(1, token.text.size() - 2) : QStringView();
    const QChar quote = token.text.at(0);
    if (quote == u'[')
        return inner.toString();
    QString name = inner.toString();
    name.replace(QString(2, quote), QString(quote));
    return name;
}

// The items between the parentheses at [open, close], split at top-level commas: [from, to) pairs.
QList<std::pair<qsizetype, qsizetype>> items(const Tokens &t, qsizetype open, qsizetype close)
{
    QList<std::pair<qsizetype, qsizetype>> result;
    qsizetype start = open + 1;
    int depth = 0;
    for (qsizetype i = open + 1; i < close; ++i) {
        const SqlTokenKind kind = t.at(i).kind;
        if (kind == SqlTokenKind::OpenParen)
            ++depth;
        else if (kind == SqlTokenKind::CloseParen)
            --depth;
        else if (depth == 0 && isComma(t, i)) {
            result.append({start, i});
            start = i + 1;
        }
    }
    if (start < close)
        result.append({start, close});
    return result;
}

// The column names of "(a COLLATE nocase, b DESC)" starting at `open`: the first word of each item.
QStringList columnList(const Tokens &t, qsizetype open, qsizetype *next)
{
    const qsizetype close = closing(t, open);
    QStringList names;
    for (const auto &[from, to] : items(t, open, close)) {
        if (from < to)
            names.append(identifier(t.at(from)));
    }
    *next = close + 1;
    return names;
}

// Reads "REFERENCES table [(columns)]" at `i` into `c`; returns the index after it.
qsizetype references(const Tokens &t, qsizetype i, SqliteTableDdl::Constraint &c)
{
    ++i; // REFERENCES
    if (i < t.size())
        c.refTable = identifier(t.at(i++));
    // schema.table is not allowed in SQLite's REFERENCES, so the name is one token.
    if (i < t.size() && t.at(i).kind == SqlTokenKind::OpenParen)
        c.refColumns = columnList(t, i, &i);
    return i;
}

bool isTableConstraintStart(const Tokens &t, qsizetype i)
{
    return isWord(t, i, u"CONSTRAINT") || isWord(t, i, u"PRIMARY") || isWord(t, i, u"UNIQUE") || isWord(t, i, u"CHECK")
        || isWord(t, i, u"FOREIGN");
}

using Kind = SqliteTableDdl::Constraint::Kind;

void tableConstraint(const Tokens &t, qsizetype i, qsizetype end, SqliteTableDdl &ddl)
{
    SqliteTableDdl::Constraint c;
    if (isWord(t, i, u"CONSTRAINT") && i + 1 < end) {
        c.name = identifier(t.at(i + 1));
        i += 2;
    }
    if (isWord(t, i, u"PRIMARY") || isWord(t, i, u"UNIQUE")) {
        c.kind = isWord(t, i, u"PRIMARY") ? Kind::PrimaryKey : Kind::Unique;
        while (i < end && t.at(i).kind != SqlTokenKind::OpenParen)
            ++i;
        if (i < end)
            c.columns = columnList(t, i, &i);
    } else if (isWord(t, i, u"CHECK") && i + 1 < end && t.at(i + 1).kind == SqlTokenKind::OpenParen) {
        c.kind = Kind::Check;
        const qsizetype close = closing(t, i + 1);
        c.expression = joined(t, i + 2, close);
    } else if (isWord(t, i, u"FOREIGN")) {
        c.kind = Kind::ForeignKey;
        while (i < end && t.at(i).kind != SqlTokenKind::OpenParen)
            ++i;
        if (i < end)
            c.columns = columnList(t, i, &i);
        if (isWord(t, i, u"REFERENCES"))
            references(t, i, c);
    } else {
        return;
    }
    ddl.constraints.append(c);
}

// The words that start a column constraint, which a preceding CONSTRAINT name belongs to.
bool isColumnConstraintStart(const Tokens &t, qsizetype i)
{
    static const QStringList words{u"NOT"_s,    u"NULL"_s,  u"DEFAULT"_s,    u"COLLATE"_s,   u"PRIMARY"_s,
                                   u"UNIQUE"_s, u"CHECK"_s, u"REFERENCES"_s, u"GENERATED"_s, u"AS"_s};
    if (i >= t.size() || t.at(i).kind != SqlTokenKind::Word)
        return false;
    return std::any_of(words.begin(), words.end(),
                       [&](const QString &w) { return t.at(i).text.compare(w, Qt::CaseInsensitive) == 0; });
}

void columnDefinition(const Tokens &t, qsizetype i, qsizetype end, SqliteTableDdl &ddl)
{
    const QString column = identifier(t.at(i++));
    QString pendingName;
    while (i < end) {
        if (isWord(t, i, u"CONSTRAINT") && i + 1 < end) {
            pendingName = identifier(t.at(i + 1));
            i += 2;
            continue;
        }
        SqliteTableDdl::Constraint c;
        c.name = isColumnConstraintStart(t, i) ? std::exchange(pendingName, QString()) : QString();
        c.columns = QStringList{column};
        if (isWord(t, i, u"CHECK") && i + 1 < end && t.at(i + 1).kind == SqlTokenKind::OpenParen) {
            const qsizetype close = closing(t, i + 1);
            c.kind = Kind::Check;
            c.expression = joined(t, i + 2, close);
            ddl.constraints.append(c);
            i = close + 1;
        } else if (isWord(t, i, u"REFERENCES")) {
            c.kind = Kind::ForeignKey;
            i = references(t, i, c);
            ddl.constraints.append(c);
        } else if (isWord(t, i, u"PRIMARY") || isWord(t, i, u"UNIQUE")) {
            c.kind = isWord(t, i, u"PRIMARY") ? Kind::PrimaryKey : Kind::Unique;
            ddl.constraints.append(c);
            ++i;
        } else if (isWord(t, i, u"AS") && i + 1 < end && t.at(i + 1).kind == SqlTokenKind::OpenParen) {
            // GENERATED ALWAYS AS (expr) or the short AS (expr)
            const qsizetype close = closing(t, i + 1);
            ddl.generationExpressions.insert(column.toLower(), joined(t, i + 2, close));
            i = close + 1;
        } else if (t.at(i).kind == SqlTokenKind::OpenParen) {
            i = closing(t, i) + 1; // a type's size, a DEFAULT (expr): nothing to read inside
        } else {
            ++i;
        }
    }
}

} // namespace

SqliteTableDdl SqliteTableDdl::parse(QStringView createTable)
{
    SqliteTableDdl ddl;
    const Tokens t = tokenize(createTable);
    qsizetype open = 0;
    while (open < t.size() && t.at(open).kind != SqlTokenKind::OpenParen)
        ++open;
    if (open >= t.size())
        return ddl; // CREATE TABLE ... AS SELECT: no constraints
    const qsizetype close = closing(t, open);
    for (const auto &[from, to] : items(t, open, close)) {
        if (from >= to)
            continue;
        if (isTableConstraintStart(t, from))
            tableConstraint(t, from, to, ddl);
        else
            columnDefinition(t, from, to, ddl);
    }
    return ddl;
}

SqliteIndexDdl SqliteIndexDdl::parse(QStringView createIndex)
{
    SqliteIndexDdl ddl;
    const Tokens t = tokenize(createIndex);
    qsizetype on = 0;
    while (on < t.size() && !isWord(t, on, u"ON"))
        ++on;
    qsizetype open = on;
    while (open < t.size() && t.at(open).kind != SqlTokenKind::OpenParen)
        ++open;
    if (open >= t.size())
        return ddl;
    const qsizetype close = closing(t, open);
    for (auto [from, to] : items(t, open, close)) {
        if (to - from > 1 && (isWord(t, to - 1, u"ASC") || isWord(t, to - 1, u"DESC")))
            --to;
        ddl.terms.append(joined(t, from, to));
    }
    if (isWord(t, close + 1, u"WHERE")) {
        qsizetype end = t.size();
        while (end > close + 2 && t.at(end - 1).kind == SqlTokenKind::Semicolon)
            --end;
        ddl.where = joined(t, close + 2, end);
    }
    return ddl;
}

QString sqliteViewQuery(QStringView createView)
{
    const Tokens t = tokenize(createView);
    int depth = 0;
    for (qsizetype i = 0; i < t.size(); ++i) {
        if (t.at(i).kind == SqlTokenKind::OpenParen)
            ++depth;
        else if (t.at(i).kind == SqlTokenKind::CloseParen)
            --depth;
        else if (depth == 0 && isWord(t, i, u"AS") && i + 1 < t.size()) {
            QString query = createView.mid(t.at(i + 1).start).trimmed().toString();
            while (query.endsWith(u';'))
                query = query.chopped(1).trimmed();
            return query;
        }
    }
    return createView.trimmed().toString();
}

} // namespace retort
