#include "PythonLint.h"

#include "LintRules.h"
#include "SqlLint.h"
#include "script/PythonLiteral.h"
#include "script/PythonStatementScanner.h"

#include <QRegularExpression>
#include <QSet>

#include <string>

using namespace Qt::StringLiterals;

namespace retort {

namespace {

struct Argument
{
    QString keyword; // empty for a positional argument
    QString value;
};

// Where a string literal starting at `at` ends (one past its closing quote).
qsizetype skipPythonString(QStringView text, qsizetype at)
{
    const QChar quote = text.at(at);
    const bool triple = text.mid(at, 3) == QString(3, quote);
    qsizetype i = at + (triple ? 3 : 1);
    while (i < text.size()) {
        if (text.at(i) == u'\\') {
            i += 2;
            continue;
        }
        if (triple ? text.mid(i, 3) == QString(3, quote) : text.at(i) == quote)
            return i + (triple ? 3 : 1);
        ++i;
    }
    return text.size();
}

// Walks text from `from`, calling `visit(i, depth)` for each character outside strings and
// comments; stops when visit returns false. Returns where it stopped (text.size() at the end).
template <typename Visit>
qsizetype walkCode(QStringView text, qsizetype from, Visit visit)
{
    int depth = 0;
    qsizetype i = from;
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (c == u'\'' || c == u'"') {
            i = skipPythonString(text, i);
            continue;
        }
        if (c == u'#') {
            while (i < text.size() && text.at(i) != u'\n')
                ++i;
            continue;
        }
        if (c == u'(' || c == u'[' || c == u'{')
            ++depth;
        else if (c == u')' || c == u']' || c == u'}')
            --depth;
        if (!visit(i, depth))
            return i;
        ++i;
    }
    return i;
}

// The index of the ')' closing the '(' at `open`; -1 when it is not closed.
qsizetype closingParen(QStringView text, qsizetype open)
{
    const qsizetype at = walkCode(text, open, [](qsizetype, int depth) { return depth > 0; });
    return at < text.size() ? at : -1;
}

QList<Argument> splitArguments(QStringView text)
{
    QStringList pieces;
    qsizetype start = 0;
    walkCode(text, 0, [&](qsizetype i, int depth) {
        if (depth == 0 && text.at(i) == u',') {
            pieces << text.mid(start, i - start).toString();
            start = i + 1;
        }
        return true;
    });
    pieces << text.mid(start).toString();
    static const QRegularExpression keyword(u"^\\s*([A-Za-z_]\\w*)\\s*=(?!=)(.*)$"_s,
                                            QRegularExpression::DotMatchesEverythingOption);
    QList<Argument> arguments;
    for (const QString &piece : std::as_const(pieces)) {
        if (piece.trimmed().isEmpty())
            continue;
        const QRegularExpressionMatch match = keyword.match(piece);
        if (match.hasMatch())
            arguments.append({match.captured(1), match.captured(2).trimmed()});
        else
            arguments.append({QString(), piece.trimmed()});
    }
    return arguments;
}

// A string literal's value, also inside sa.text("...") / text("..."); nullopt for anything else.
std::optional<QString> stringValue(const QString &value)
{
    static const QRegularExpression wrapped(u"^\\s*(?:\\w+\\.)?text\\s*\\((.*)\\)\\s*$"_s,
                                            QRegularExpression::DotMatchesEverythingOption);
    QString inner = value;
    if (const QRegularExpressionMatch match = wrapped.match(value); match.hasMatch())
        inner = match.captured(1);
    const std::string utf8 = inner.toStdString();
    const PythonLiteral literal = PythonLiteral::parse(utf8);
    if (literal.kind != PythonLiteral::Kind::String || literal.strings.isEmpty())
        return std::nullopt;
    return literal.strings.constFirst();
}

// A name as written: the string's value, else the expression.
QString nameOf(const QString &value)
{
    return stringValue(value).value_or(value).toLower();
}

struct Block
{
    int indent = 0;
    QString alias; // batch_alter_table's "as" name; empty for an autocommit_block
    QString table;
};

struct Call
{
    int line = 0;
    QString op;
    QString text;
    QList<Argument> arguments;
    bool batch = false;
    QString batchTable;
    bool autocommit = false;
    QSet<QString> ignored;

    QString positional(int index) const
    {
        int seen = 0;
        for (const Argument &argument : arguments) {
            if (argument.keyword.isEmpty() && seen++ == index)
                return argument.value;
        }
        return {};
    }
    std::optional<QString> keyword(const QString &name) const
    {
        for (const Argument &argument : arguments) {
            if (argument.keyword == name)
                return argument.value;
        }
        return std::nullopt;
    }
    bool flag(const QString &name) const { return keyword(name).value_or(QString()) == u"True"; }
};

// Calls that do not change the schema by themselves.
const QStringList helperCalls = {u"get_bind"_s, u"get_context"_s,    u"batch_alter_table"_s,
                                 u"f"_s,        u"inline_literal"_s, u"implementation_for"_s};

class CallChecker
{
public:
    CallChecker(SqlDialect dialect, int postgresVersion, LintFindings &findings)
        : m_findings(findings)
    {
        m_state.dialect = dialect;
        m_state.postgresVersion = postgresVersion;
    }

    void check(const Call &call);

private:
    bool postgres() const { return m_state.dialect == SqlDialect::PostgreSql; }
    void report(const Call &call, const QString &rule, const QString &message)
    {
        if (call.ignored.contains(rule) || call.ignored.contains(u"all"_s))
            return;
        m_findings.append(makeFinding(rule, call.line, message, call.text.simplified()));
    }
    void sqliteUnsupported(const Call &call, const QString &what)
    {
        if (!postgres() && !call.batch)
            report(call, u"sqlite-unsupported-alter"_s,
                   u"op.%1 outside batch_alter_table: SQLite cannot %2"_s.arg(call.op, what));
    }

    StepLintState m_state;
    LintFindings &m_findings;
};

void CallChecker::check(const Call &call)
{
    const QString &op = call.op;
    // Batch operations name their table in the with statement, not in their arguments.
    const int shift = call.batch ? 0 : 1;
    const QString table = call.batch ? call.batchTable : nameOf(call.positional(0));
    const bool isNew = m_state.newTables.contains(table);
    const QString where = call.batch ? u"batch_op.%1 on %2"_s.arg(op, table) : u"op.%1 on %2"_s.arg(op, table);

    if (op == u"create_table") {
        m_state.newTables.insert(table);
    } else if (op == u"drop_table") {
        if (isNew)
            m_state.newTables.remove(table);
        else
            report(call, u"ban-drop-table"_s, u"op.drop_table(%1) deletes the table and its rows"_s.arg(table));
    } else if (op == u"drop_column") {
        if (!isNew)
            report(call, u"ban-drop-column"_s,
                   u"%1 drops the column %2 and its data"_s.arg(where, nameOf(call.positional(shift))));
    } else if (op == u"alter_column") {
        if (isNew)
            return;
        const QString column = nameOf(call.positional(shift));
        const std::optional<QString> nullable = call.keyword(u"nullable"_s);
        const std::optional<QString> serverDefault = call.keyword(u"server_default"_s);
        if (call.keyword(u"type_"_s) || nullable || serverDefault)
            sqliteUnsupported(call, u"alter a column"_s);
        if (call.keyword(u"type_"_s))
            report(call, u"changing-column-type"_s,
                   u"%1 changes the type of %2 (type_=%3)"_s.arg(where, column, *call.keyword(u"type_"_s)));
        if (nullable == u"False" && postgres())
            report(call, u"adding-not-nullable-field"_s, u"%1 sets %2 NOT NULL (nullable=False)"_s.arg(where, column));
        if (nullable == u"True")
            report(call, u"ban-drop-not-null"_s, u"%1 drops NOT NULL of %2 (nullable=True)"_s.arg(where, column));
        if (serverDefault == u"None")
            report(call, u"drop-column-default"_s, u"%1 drops the default of %2"_s.arg(where, column));
        if (const auto renamed = call.keyword(u"new_column_name"_s))
            report(call, u"renaming-column"_s, u"%1 renames %2 to %3"_s.arg(where, column, nameOf(*renamed)));
    } else if (op == u"add_column") {
        if (isNew)
            return;
        const QString column = call.positional(shift);
        static const QRegularExpression notNull(u"nullable\\s*=\\s*False"_s);
        static const QRegularExpression withDefault(u"server_default\\s*=\\s*(?!None)"_s);
        static const QRegularExpression volatileCall(
            u"gen_random_uuid|random\\s*\\(|uuid_generate_v|clock_timestamp|nextval|timeofday"_s,
            QRegularExpression::CaseInsensitiveOption);
        static const QRegularExpression unique(u"(unique|primary_key)\\s*=\\s*True"_s);
        const bool required = notNull.match(column).hasMatch();
        const bool hasDefault = withDefault.match(column).hasMatch();
        const QString name = where + u" adds "_s + nameOf(call.positional(shift).section(u'(', 1).section(u',', 0, 0));
        if (required && !hasDefault) {
            sqliteUnsupported(call, u"add a NOT NULL column without a default"_s);
            if (postgres())
                report(call, u"adding-required-field"_s, name + u" NOT NULL without a server_default"_s);
        }
        if (unique.match(column).hasMatch()) {
            sqliteUnsupported(call, u"add a PRIMARY KEY or UNIQUE column"_s);
            if (postgres())
                report(call, u"disallowed-unique-constraint"_s, name + u" with unique=True"_s);
        }
        if (postgres() && hasDefault && (volatileCall.match(column).hasMatch() || m_state.postgresVersion < 11))
            report(call, u"adding-field-with-default"_s, name + u" with a server_default that rewrites the table"_s);
        if (postgres() && column.contains(u"ForeignKey("_s))
            report(call, u"adding-foreign-key-constraint"_s, name + u" with a ForeignKey, checked under lock"_s);
    } else if (op == u"rename_table") {
        if (!isNew)
            report(call, u"renaming-table"_s, u"op.rename_table(%1, %2)"_s.arg(table, nameOf(call.positional(1))));
    } else if (op == u"create_index" || op == u"drop_index") {
        const QString index = nameOf(call.positional(0));
        const bool creating = op == u"create_index";
        const QString indexTable =
            call.batch ? call.batchTable : nameOf(call.keyword(u"table_name"_s).value_or(call.positional(1)));
        const bool concurrently = call.flag(u"postgresql_concurrently"_s);
        if (creating && m_state.newTables.contains(indexTable))
            m_state.newIndexes.insert(index);
        if (!postgres())
            return;
        if (concurrently) {
            if (!call.autocommit)
                report(call, u"ban-concurrent-index-creation-in-transaction"_s,
                       u"op.%1(%2, postgresql_concurrently=True) outside op.get_context().autocommit_block() runs "
                       "in the migration's transaction and fails"_s.arg(op, index));
        } else if (creating && !m_state.newTables.contains(indexTable)) {
            report(call, u"require-concurrent-index-creation"_s,
                   u"op.create_index(%1) on the existing table %2 without postgresql_concurrently=True"_s.arg(
                       index, indexTable));
        } else if (!creating && !m_state.newIndexes.contains(index)) {
            report(call, u"require-concurrent-index-deletion"_s,
                   u"op.drop_index(%1) without postgresql_concurrently=True"_s.arg(index));
        }
    } else if (op == u"create_foreign_key") {
        const QString source = call.batch ? call.batchTable : nameOf(call.positional(1));
        sqliteUnsupported(call, u"add a constraint to a table"_s);
        if (postgres() && !m_state.newTables.contains(source))
            report(call, u"adding-foreign-key-constraint"_s,
                   u"op.create_foreign_key on %1 checks every row under lock"_s.arg(source));
    } else if (op == u"create_unique_constraint" || op == u"create_primary_key" || op == u"create_check_constraint") {
        const QString target = call.batch ? call.batchTable : nameOf(call.positional(1));
        sqliteUnsupported(call, u"add a constraint to a table"_s);
        if (!postgres() || m_state.newTables.contains(target))
            return;
        if (op == u"create_check_constraint")
            report(call, u"constraint-missing-not-valid"_s,
                   u"op.create_check_constraint on %1 scans the table under lock"_s.arg(target));
        else
            report(call, u"disallowed-unique-constraint"_s,
                   u"op.%1 on %2 builds its index while the table is locked"_s.arg(op, target));
    } else if (op == u"drop_constraint") {
        sqliteUnsupported(call, u"drop a constraint"_s);
    } else if (op == u"execute") {
        const std::optional<QString> sql = stringValue(call.positional(0));
        if (!sql)
            return;
        m_state.transactional = !call.autocommit;
        for (const LintFinding &finding : lintSql(*sql, call.line, m_state)) {
            if (!call.ignored.contains(finding.rule) && !call.ignored.contains(u"all"_s))
                m_findings.append(finding);
        }
        m_state.transactional = true;
    }
}

} // namespace

PythonFunctionLint lintPythonFunction(const QByteArray &source, SqlDirection direction,
                                      const QList<SqlDialect> &dialects, int postgresVersion)
{
    PythonFunctionLint result;
    const std::string src(source.constData(), size_t(source.size()));
    const QString wanted = direction == SqlDirection::Upgrade ? u"upgrade"_s : u"downgrade"_s;
    static const QRegularExpression def(u"^(?:async\\s+)?def\\s+(\\w+)\\s*\\("_s);
    static const QRegularExpression withBatch(u"^with\\s+op\\.batch_alter_table\\s*\\((.*)\\)\\s*as\\s+(\\w+)\\s*:"_s,
                                              QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression autocommit(u"^with\\s+.*autocommit_block\\s*\\(\\s*\\)\\s*:"_s,
                                               QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression callStart(u"\\b([A-Za-z_]\\w*)\\.(\\w+)\\s*\\("_s);
    static const QRegularExpression docstring(u"^[rRuU]?['\"]"_s);

    QList<Call> calls;
    QList<Block> blocks;
    QSet<QString> pendingIgnores;
    bool inside = false;
    PythonStatementScanner scanner(src);
    PythonStatement st;
    while (scanner.next(st)) {
        const QString text = QString::fromUtf8(src.data() + st.begin, qsizetype(st.end - st.begin));
        if (st.indent == 0 && !st.comment) {
            const QRegularExpressionMatch match = def.match(text);
            inside = match.hasMatch() && match.captured(1) == wanted;
            blocks.clear();
            pendingIgnores.clear();
            if (inside) {
                result.present = true;
                result.line = st.firstLine;
            }
            continue;
        }
        if (!inside)
            continue;
        if (st.comment) {
            pendingIgnores.unite(ignoredRules(text));
            result.ignored.unite(ignoredRules(text));
            continue;
        }
        while (!blocks.isEmpty() && st.indent <= blocks.constLast().indent)
            blocks.removeLast();
        QSet<QString> ignored = pendingIgnores;
        ignored.unite(ignoredRules(text));
        result.ignored.unite(ignored);
        pendingIgnores.clear();
        const QString trimmed = text.trimmed();
        if (trimmed != u"pass" && trimmed != u"..." && !docstring.match(trimmed).hasMatch())
            result.empty = false;

        bool autocommitBlock = false;
        QString batchAlias;
        QString batchTable;
        for (const Block &block : std::as_const(blocks)) {
            if (block.alias.isEmpty())
                autocommitBlock = true;
        }
        if (const QRegularExpressionMatch match = withBatch.match(trimmed); match.hasMatch()) {
            const QList<Argument> arguments = splitArguments(match.captured(1));
            QString table;
            for (const Argument &argument : arguments) {
                if (argument.keyword.isEmpty() || argument.keyword == u"table_name") {
                    table = nameOf(argument.value);
                    break;
                }
            }
            blocks.append({st.indent, match.captured(2), table});
        } else if (autocommit.match(trimmed).hasMatch()) {
            blocks.append({st.indent, QString(), QString()});
        }

        // Calls are looked for in code only, never inside strings or comments.
        QList<bool> code(text.size(), false);
        walkCode(text, 0, [&code](qsizetype i, int) {
            code[i] = true;
            return true;
        });
        auto matches = callStart.globalMatch(text);
        qsizetype consumed = 0;
        while (matches.hasNext()) {
            const QRegularExpressionMatch match = matches.next();
            if (match.capturedStart() < consumed || !code.at(match.capturedStart()))
                continue; // inside a call already read (op.execute(sa.text(...))), or not code
            const QString receiver = match.captured(1);
            const Block *batch = nullptr;
            for (const Block &block : std::as_const(blocks)) {
                if (!block.alias.isEmpty() && block.alias == receiver)
                    batch = &block;
            }
            if (receiver != u"op" && !batch)
                continue;
            const qsizetype open = match.capturedEnd() - 1;
            const qsizetype close = closingParen(text, open);
            if (close < 0)
                continue;
            consumed = close;
            Call call;
            call.op = match.captured(2);
            if (helperCalls.contains(call.op))
                continue;
            call.line = st.firstLine + int(text.left(match.capturedStart()).count(u'\n'));
            call.text = text.mid(match.capturedStart(), close + 1 - match.capturedStart());
            call.arguments = splitArguments(QStringView(text).mid(open + 1, close - open - 1));
            call.batch = batch != nullptr;
            call.batchTable = batch ? batch->table : QString();
            call.autocommit = autocommitBlock;
            call.ignored = ignored;
            calls.append(call);
        }
    }
    result.calls = int(calls.size());

    const QList<SqlDialect> rules =
        dialects.isEmpty() ? QList<SqlDialect>{SqlDialect::Sqlite, SqlDialect::PostgreSql} : dialects;
    for (const SqlDialect dialect : rules) {
        LintFindings found;
        CallChecker checker(dialect, postgresVersion, found);
        for (const Call &call : std::as_const(calls))
            checker.check(call);
        for (const LintFinding &finding : std::as_const(found)) {
            const bool seen = std::any_of(result.findings.cbegin(), result.findings.cend(), [&](const LintFinding &o) {
                return o.rule == finding.rule && o.line == finding.line && o.message == finding.message;
            });
            if (!seen)
                result.findings.append(finding);
        }
    }
    return result;
}

} // namespace retort
