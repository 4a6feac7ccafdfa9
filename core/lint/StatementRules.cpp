#include "StatementRules.h"

#include "LintRules.h"
#include "SqlTokens.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace retort {

namespace {

// Functions whose value differs per row: a column added with one as its default makes
// PostgreSQL rewrite the table, even from version 11.
const QStringList volatileFunctions = {
    u"RANDOM"_s,          u"GEN_RANDOM_UUID"_s, u"UUID_GENERATE_V1"_s, u"UUID_GENERATE_V1MC"_s, u"UUID_GENERATE_V4"_s,
    u"CLOCK_TIMESTAMP"_s, u"TIMEOFDAY"_s,       u"NEXTVAL"_s,          u"TXID_CURRENT"_s};
const QStringList serialTypes = {u"SERIAL"_s,  u"BIGSERIAL"_s, u"SMALLSERIAL"_s,
                                 u"SERIAL4"_s, u"SERIAL8"_s,   u"SERIAL2"_s};
// Words that end a column's DEFAULT expression.
const QStringList constraintWords = {u"NOT"_s,    u"NULL"_s,    u"CONSTRAINT"_s, u"CHECK"_s,  u"REFERENCES"_s,
                                     u"UNIQUE"_s, u"PRIMARY"_s, u"GENERATED"_s,  u"COLLATE"_s};

class Checker
{
public:
    Checker(const SqlStatement &statement, StepLintState &state, LintFindings &findings)
        : m_statement(statement)
        , m_state(state)
        , m_findings(findings)
        , m_tokens(lintTokens(statement.text, state.dialect))
    {
    }

    void run();

private:
    bool postgres() const { return m_state.dialect == SqlDialect::PostgreSql; }
    bool sqlite() const { return m_state.dialect == SqlDialect::Sqlite; }
    QString wordAt(qsizetype i) const { return i < m_tokens.size() ? m_tokens.at(i).word : QString(); }
    void report(const QString &rule, const QString &message)
    {
        m_findings.append(makeFinding(rule, m_statement.line, message, m_statement.text));
    }
    bool hasWord(qsizetype from, const QString &word) const
    {
        return hasWordAt(m_tokens, from, m_tokens.size(), word, 0);
    }
    void exclusiveLock(const QString &table)
    {
        if (!postgres() || m_state.lockTimeoutSet || m_state.timeoutNoticed)
            return;
        m_state.timeoutNoticed = true;
        report(u"require-timeout-settings"_s,
               u"%1 takes an ACCESS EXCLUSIVE lock on %2 and the step sets no lock_timeout first"_s.arg(m_verb, table));
    }

    void checkSet(qsizetype at);
    void checkCreate(qsizetype at);
    void checkCreateIndex(qsizetype at, bool unique);
    void checkDrop(qsizetype at);
    void checkTruncate(qsizetype at);
    void checkDeleteOrUpdate(qsizetype at);
    void checkAlterTable(qsizetype at);
    void checkAction(const QString &table, bool isNew, qsizetype from, qsizetype to);
    void checkAddColumn(const QString &table, bool isNew, qsizetype from, qsizetype to);
    void checkAlterColumn(const QString &table, bool isNew, qsizetype from, qsizetype to);
    void concurrentlyInTransaction(const QString &what);

    const SqlStatement &m_statement;
    StepLintState &m_state;
    LintFindings &m_findings;
    LintTokens m_tokens;
    QString m_verb;
};

void Checker::run()
{
    if (m_tokens.isEmpty())
        return;
    qsizetype at = 0;
    if (wordAt(0) == u"WITH") {
        static const QStringList verbs = {u"DELETE"_s, u"UPDATE"_s, u"INSERT"_s, u"SELECT"_s, u"MERGE"_s};
        for (at = 1; at < m_tokens.size(); ++at) {
            if (m_tokens.at(at).depth == 0 && verbs.contains(m_tokens.at(at).word))
                break;
        }
    }
    const QString verb = wordAt(at);
    m_verb = verb == u"ALTER" || verb == u"DROP" ? verb + u' ' + wordAt(at + 1) : verb;
    if (verb == u"SET")
        checkSet(at + 1);
    else if (verb == u"BEGIN" || verb == u"COMMIT" || verb == u"END" || verb == u"ABORT"
             || (verb == u"START" && wordAt(at + 1) == u"TRANSACTION")
             || (verb == u"ROLLBACK" && !hasWord(at + 1, u"TO"_s))) {
        if (m_state.transactional)
            report(u"transaction-nesting"_s, u"%1 inside a step that runs in one transaction"_s.arg(verb));
    } else if (verb == u"CREATE")
        checkCreate(at + 1);
    else if (verb == u"DROP")
        checkDrop(at + 1);
    else if (verb == u"TRUNCATE")
        checkTruncate(at + 1);
    else if (verb == u"DELETE" || verb == u"UPDATE")
        checkDeleteOrUpdate(at);
    else if (verb == u"ALTER" && wordAt(at + 1) == u"TABLE")
        checkAlterTable(at + 2);
    else if (verb == u"REINDEX" && hasWord(at + 1, u"CONCURRENTLY"_s))
        concurrentlyInTransaction(u"REINDEX CONCURRENTLY"_s);
}

void Checker::checkSet(qsizetype at)
{
    if (wordAt(at) == u"SESSION" || wordAt(at) == u"LOCAL")
        ++at;
    if (wordAt(at) == u"LOCK_TIMEOUT")
        m_state.lockTimeoutSet = true;
}

void Checker::concurrentlyInTransaction(const QString &what)
{
    if (postgres() && m_state.transactional)
        report(u"ban-concurrent-index-creation-in-transaction"_s,
               u"%1 in a step that runs in one transaction fails"_s.arg(what));
}

void Checker::checkCreate(qsizetype at)
{
    skipWords(m_tokens, at, {u"OR", u"REPLACE"});
    const QString what = wordAt(at);
    if (what == u"UNIQUE" && wordAt(at + 1) == u"INDEX") {
        checkCreateIndex(at + 2, true);
        return;
    }
    if (what == u"INDEX") {
        checkCreateIndex(at + 1, false);
        return;
    }
    static const QStringList modifiers = {u"TEMP"_s, u"TEMPORARY"_s, u"UNLOGGED"_s, u"GLOBAL"_s, u"LOCAL"_s};
    while (modifiers.contains(wordAt(at)))
        ++at;
    if (wordAt(at) != u"TABLE")
        return;
    ++at;
    skipWords(m_tokens, at, {u"IF", u"NOT", u"EXISTS"});
    const QString table = readQualifiedName(m_tokens, at);
    if (!table.isEmpty())
        m_state.newTables.insert(table);
}

void Checker::checkCreateIndex(qsizetype at, bool unique)
{
    const bool concurrently = skipWords(m_tokens, at, {u"CONCURRENTLY"});
    skipWords(m_tokens, at, {u"IF", u"NOT", u"EXISTS"});
    QString index;
    if (wordAt(at) != u"ON")
        index = readQualifiedName(m_tokens, at);
    if (!skipWords(m_tokens, at, {u"ON"}))
        return;
    skipWords(m_tokens, at, {u"ONLY"});
    const QString table = readQualifiedName(m_tokens, at);
    const bool isNew = m_state.newTables.contains(table);
    if (isNew && !index.isEmpty())
        m_state.newIndexes.insert(index);
    const QString kind = unique ? u"CREATE UNIQUE INDEX"_s : u"CREATE INDEX"_s;
    if (concurrently)
        concurrentlyInTransaction(kind + u" CONCURRENTLY"_s);
    else if (postgres() && !isNew && !table.isEmpty())
        report(u"require-concurrent-index-creation"_s,
               u"%1 %2 on the existing table %3 without CONCURRENTLY blocks writes to it"_s.arg(kind, index, table)
                   .simplified());
}

void Checker::checkDrop(qsizetype at)
{
    const QString what = wordAt(at);
    ++at;
    if (what == u"DATABASE") {
        skipWords(m_tokens, at, {u"IF", u"EXISTS"});
        report(u"ban-drop-database"_s, u"DROP DATABASE %1"_s.arg(readQualifiedName(m_tokens, at)).trimmed());
    } else if (what == u"SCHEMA") {
        skipWords(m_tokens, at, {u"IF", u"EXISTS"});
        report(u"ban-drop-schema"_s,
               u"DROP SCHEMA %1 deletes every object in it"_s.arg(readQualifiedName(m_tokens, at)).simplified());
    } else if (what == u"TABLE") {
        skipWords(m_tokens, at, {u"IF", u"EXISTS"});
        while (at < m_tokens.size()) {
            const QString table = readQualifiedName(m_tokens, at);
            if (table.isEmpty() || table == u"cascade" || table == u"restrict")
                break;
            if (m_state.newTables.contains(table)) {
                m_state.newTables.remove(table);
            } else {
                report(u"ban-drop-table"_s, u"DROP TABLE %1 deletes the table and its rows"_s.arg(table));
                exclusiveLock(table);
            }
            if (at >= m_tokens.size() || m_tokens.at(at).symbol != u',')
                break;
            ++at;
        }
    } else if (what == u"INDEX") {
        const bool concurrently = skipWords(m_tokens, at, {u"CONCURRENTLY"});
        skipWords(m_tokens, at, {u"IF", u"EXISTS"});
        const QString index = readQualifiedName(m_tokens, at);
        if (concurrently)
            concurrentlyInTransaction(u"DROP INDEX CONCURRENTLY"_s);
        else if (postgres() && !m_state.newIndexes.contains(index)) {
            report(u"require-concurrent-index-deletion"_s,
                   u"DROP INDEX %1 without CONCURRENTLY locks its table"_s.arg(index).simplified());
            exclusiveLock(u"the index's table"_s);
        }
    }
}

void Checker::checkTruncate(qsizetype at)
{
    skipWords(m_tokens, at, {u"TABLE"});
    skipWords(m_tokens, at, {u"ONLY"});
    const QString table = readQualifiedName(m_tokens, at);
    if (hasWord(at, u"CASCADE"_s))
        report(u"ban-truncate-cascade"_s,
               u"TRUNCATE %1 CASCADE also empties every table that references it"_s.arg(table));
    else
        report(u"ban-truncate"_s, u"TRUNCATE %1 deletes every row"_s.arg(table));
    exclusiveLock(table);
}

void Checker::checkDeleteOrUpdate(qsizetype at)
{
    const QString verb = wordAt(at);
    qsizetype name = at + 1;
    if (verb == u"DELETE")
        skipWords(m_tokens, name, {u"FROM"});
    skipWords(m_tokens, name, {u"ONLY"});
    const QString table = readQualifiedName(m_tokens, name);
    if (hasWord(at + 1, u"WHERE"_s) || m_state.newTables.contains(table))
        return;
    if (verb == u"DELETE")
        report(u"delete-without-where"_s, u"DELETE FROM %1 without WHERE removes every row"_s.arg(table));
    else
        report(u"update-without-where"_s, u"UPDATE %1 without WHERE rewrites every row"_s.arg(table));
}

void Checker::checkAlterTable(qsizetype at)
{
    skipWords(m_tokens, at, {u"IF", u"EXISTS"});
    skipWords(m_tokens, at, {u"ONLY"});
    const QString table = readQualifiedName(m_tokens, at);
    if (table.isEmpty())
        return;
    if (at < m_tokens.size() && m_tokens.at(at).symbol == u'*')
        ++at;
    const bool isNew = m_state.newTables.contains(table);
    QList<std::pair<qsizetype, qsizetype>> actions;
    qsizetype start = at;
    for (qsizetype i = at; i <= m_tokens.size(); ++i) {
        if (i == m_tokens.size() || (m_tokens.at(i).depth == 0 && m_tokens.at(i).symbol == u',')) {
            if (i > start)
                actions.append({start, i});
            start = i + 1;
        }
    }
    if (sqlite() && actions.size() > 1)
        report(u"sqlite-unsupported-alter"_s,
               u"ALTER TABLE %1 with %2 actions: SQLite takes one per statement"_s.arg(table).arg(actions.size()));
    bool locks = false;
    for (const auto &[from, to] : actions) {
        checkAction(table, isNew, from, to);
        if (wordAt(from) != u"VALIDATE")
            locks = true;
    }
    if (locks && !isNew)
        exclusiveLock(table);
}

void Checker::checkAction(const QString &table, bool isNew, qsizetype from, qsizetype to)
{
    const QString action = wordAt(from);
    qsizetype at = from + 1;
    if (action == u"ADD") {
        static const QStringList constraintKinds = {u"CONSTRAINT"_s, u"FOREIGN"_s, u"CHECK"_s,
                                                    u"UNIQUE"_s,     u"PRIMARY"_s, u"EXCLUDE"_s};
        if (!constraintKinds.contains(wordAt(at))) {
            checkAddColumn(table, isNew, at, to);
            return;
        }
        if (sqlite()) {
            report(u"sqlite-unsupported-alter"_s,
                   u"ALTER TABLE %1 ADD CONSTRAINT: SQLite cannot add a constraint to a table"_s.arg(table));
            return;
        }
        QString name;
        if (skipWords(m_tokens, at, {u"CONSTRAINT"}))
            name = readQualifiedName(m_tokens, at);
        const QString kind = wordAt(at);
        const bool notValid = [&] {
            for (qsizetype i = at; i + 1 < to; ++i) {
                if (m_tokens.at(i).depth == 0 && m_tokens.at(i).word == u"NOT" && m_tokens.at(i + 1).word == u"VALID")
                    return true;
            }
            return false;
        }();
        if (isNew)
            return;
        const QString named = name.isEmpty() ? QString() : name + u' ';
        if (kind == u"FOREIGN" && !notValid)
            report(u"adding-foreign-key-constraint"_s,
                   u"foreign key %1on %2 added without NOT VALID checks every row under lock"_s.arg(named, table));
        else if (kind == u"CHECK" && !notValid)
            report(u"constraint-missing-not-valid"_s,
                   u"CHECK constraint %1on %2 added without NOT VALID scans the table under lock"_s.arg(named, table));
        else if ((kind == u"UNIQUE" || kind == u"PRIMARY") && !hasWordAt(m_tokens, at, to, u"USING", 0))
            report(u"disallowed-unique-constraint"_s,
                   u"%1 constraint %2on %3 builds its index while the table is locked"_s.arg(
                       kind == u"UNIQUE" ? u"UNIQUE"_s : u"PRIMARY KEY"_s, named, table));
        return;
    }
    if (action == u"DROP") {
        if (wordAt(at) == u"CONSTRAINT") {
            if (sqlite())
                report(u"sqlite-unsupported-alter"_s,
                       u"ALTER TABLE %1 DROP CONSTRAINT: SQLite cannot drop a constraint"_s.arg(table));
            return;
        }
        skipWords(m_tokens, at, {u"COLUMN"});
        skipWords(m_tokens, at, {u"IF", u"EXISTS"});
        const QString column = readQualifiedName(m_tokens, at);
        if (!isNew)
            report(u"ban-drop-column"_s,
                   u"ALTER TABLE %1 DROP COLUMN %2 deletes the column's data"_s.arg(table, column));
        return;
    }
    if (action == u"ALTER") {
        checkAlterColumn(table, isNew, at, to);
        return;
    }
    if (action == u"RENAME") {
        if (wordAt(at) == u"TO") {
            ++at;
            const QString newName = readQualifiedName(m_tokens, at);
            if (isNew)
                m_state.newTables.insert(newName);
            else
                report(u"renaming-table"_s, u"ALTER TABLE %1 RENAME TO %2"_s.arg(table, newName));
            return;
        }
        if (wordAt(at) == u"CONSTRAINT") {
            if (sqlite())
                report(u"sqlite-unsupported-alter"_s,
                       u"ALTER TABLE %1 RENAME CONSTRAINT: SQLite cannot rename a constraint"_s.arg(table));
            return;
        }
        skipWords(m_tokens, at, {u"COLUMN"});
        const QString column = readQualifiedName(m_tokens, at);
        if (!skipWords(m_tokens, at, {u"TO"}))
            return;
        const QString newName = readQualifiedName(m_tokens, at);
        if (!isNew)
            report(u"renaming-column"_s, u"ALTER TABLE %1 RENAME COLUMN %2 TO %3"_s.arg(table, column, newName));
        return;
    }
    if (sqlite() && action != u"VALIDATE")
        report(u"sqlite-unsupported-alter"_s,
               u"ALTER TABLE %1 %2: SQLite's ALTER TABLE has no such form"_s.arg(table, action));
}

void Checker::checkAddColumn(const QString &table, bool isNew, qsizetype at, qsizetype to)
{
    skipWords(m_tokens, at, {u"COLUMN"});
    skipWords(m_tokens, at, {u"IF", u"NOT", u"EXISTS"});
    const QString column = readQualifiedName(m_tokens, at);
    const bool notNull = hasNotNull(m_tokens, at, to, 0);
    const bool generated = hasWordAt(m_tokens, at, to, u"GENERATED", 0);
    const bool stored = generated && hasWordAt(m_tokens, at, to, u"STORED", 0);
    const bool unique = hasWordAt(m_tokens, at, to, u"UNIQUE", 0) || hasWordAt(m_tokens, at, to, u"PRIMARY", 0);
    const bool references = hasWordAt(m_tokens, at, to, u"REFERENCES", 0);
    const bool serial = serialTypes.contains(wordAt(at));
    qsizetype defaultAt = -1;
    for (qsizetype i = at; i < to; ++i) {
        if (m_tokens.at(i).depth == 0 && m_tokens.at(i).word == u"DEFAULT") {
            defaultAt = i;
            break;
        }
    }
    bool volatileDefault = serial;
    bool constantDefault = true; // as SQLite means it: no parentheses, no CURRENT_*
    if (defaultAt >= 0) {
        for (qsizetype i = defaultAt + 1; i < to; ++i) {
            const LintToken &token = m_tokens.at(i);
            if (token.depth == 0 && constraintWords.contains(token.word))
                break;
            if (token.symbol == u'(' || token.word.startsWith(u"CURRENT_"))
                constantDefault = false;
            if (i + 1 < to && m_tokens.at(i + 1).symbol == u'(' && volatileFunctions.contains(token.word))
                volatileDefault = true;
        }
    }
    const QString where = u"ALTER TABLE %1 ADD COLUMN %2"_s.arg(table, column);
    if (sqlite()) {
        if (unique)
            report(u"sqlite-unsupported-alter"_s, where + u": SQLite cannot add a PRIMARY KEY or UNIQUE column"_s);
        else if (notNull && defaultAt < 0)
            report(u"sqlite-unsupported-alter"_s, where + u": SQLite cannot add a NOT NULL column without a default"_s);
        else if (defaultAt >= 0 && !constantDefault)
            report(u"sqlite-unsupported-alter"_s,
                   where + u": SQLite cannot add a column with a non-constant default"_s);
        else if (stored)
            report(u"sqlite-unsupported-alter"_s, where + u": SQLite cannot add a STORED generated column"_s);
        return;
    }
    if (isNew)
        return;
    if (notNull && defaultAt < 0 && !generated && !serial)
        report(u"adding-required-field"_s, where + u" NOT NULL without a default fails on a table with rows"_s);
    if (stored)
        report(u"adding-field-with-default"_s, where + u" as a STORED generated column rewrites the table"_s);
    else if (volatileDefault)
        report(u"adding-field-with-default"_s, where + u" with a volatile default rewrites the table"_s);
    else if (defaultAt >= 0 && m_state.postgresVersion < 11)
        report(u"adding-field-with-default"_s,
               where + u" with a default rewrites the table on PostgreSQL %1"_s.arg(m_state.postgresVersion));
    if (references)
        report(u"adding-foreign-key-constraint"_s, where + u" REFERENCES checks every row under lock"_s);
    if (unique)
        report(u"disallowed-unique-constraint"_s, where + u" UNIQUE builds its index while the table is locked"_s);
}

void Checker::checkAlterColumn(const QString &table, bool isNew, qsizetype at, qsizetype to)
{
    skipWords(m_tokens, at, {u"COLUMN"});
    const QString column = readQualifiedName(m_tokens, at);
    const QString where = u"ALTER TABLE %1 ALTER COLUMN %2"_s.arg(table, column);
    if (sqlite()) {
        report(u"sqlite-unsupported-alter"_s, where + u": SQLite cannot alter a column"_s);
        return;
    }
    if (isNew)
        return;
    Q_UNUSED(to);
    if (wordAt(at) == u"TYPE" || skipWords(m_tokens, at, {u"SET", u"DATA", u"TYPE"}))
        report(u"changing-column-type"_s, where + u" TYPE can lose data and rewrites the table"_s);
    else if (skipWords(m_tokens, at, {u"SET", u"NOT", u"NULL"}))
        report(u"adding-not-nullable-field"_s, where + u" SET NOT NULL scans the table under lock"_s);
    else if (skipWords(m_tokens, at, {u"DROP", u"NOT", u"NULL"}))
        report(u"ban-drop-not-null"_s, where + u" DROP NOT NULL lets NULL in where the application expects none"_s);
    else if (skipWords(m_tokens, at, {u"DROP", u"DEFAULT"}))
        report(u"drop-column-default"_s, where + u" DROP DEFAULT: inserts that leave the column out change"_s);
}

} // namespace

void lintStatement(const SqlStatement &statement, StepLintState &state, LintFindings &findings)
{
    Checker(statement, state, findings).run();
}

} // namespace retort
