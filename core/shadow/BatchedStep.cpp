#include "BatchedStep.h"

#include "Logging.h"
#include "db/Connection.h"
#include "db/DataStatement.h"
#include "db/VersionTable.h"
#include "graph/Plan.h"
#include "run/StepScript.h"

#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace retort {

namespace {

// The version table's change, failing the step before its COMMIT unless it matched exactly one
// row (Alembic's rule for each UPDATE and DELETE of the version table): 1 / 0 when it did not.
QString checkedVersionChange(const VersionTable &versions, const VersionOp &op)
{
    const QString statement = versions.statement(op);
    if (op.kind == VersionOp::Kind::Insert)
        return statement;
    return u"WITH changed AS ("_s + statement + u" RETURNING 1) SELECT 1 / (count(*) = 1)::int FROM changed"_s;
}

} // namespace

bool BatchedStep::suits(const StepScript &script, SqlDialect dialect)
{
    if (dialect != SqlDialect::PostgreSql || !script.transactional)
        return false;
    return std::none_of(script.statements.cbegin(), script.statements.cend(), [&](const SqlStatement &s) {
        return startsWithKeyword(s.text, dialect,
                                 {"BEGIN", "START", "COMMIT", "END", "ROLLBACK", "ABORT", "PREPARE", "COPY"});
    });
}

BatchedStep::Outcome BatchedStep::run(Connection &connection, const VersionTable &versions, const PlanStep &step,
                                      const StepScript &script, bool createVersionTable)
{
    const QString countWrites = u"SELECT "_s + CatalogWrites::selectList();
    QStringList statements{u"BEGIN"_s, countWrites};
    if (createVersionTable)
        statements << versions.createStatement();
    for (const VersionOp &op : step.versionOps)
        statements << checkedVersionChange(versions, op);
    for (const SqlStatement &statement : script.statements)
        statements << statement.text;
    statements << countWrites;
    statements << u"COMMIT"_s;
    const qsizetype count = statements.size();
    const qsizetype before = 1;
    const qsizetype after = count - 2;

    // On its own line, a semicolon cannot end up inside a statement's trailing -- comment.
    const QString sql = statements.join(u"\n;\n"_s);
    qCDebug(lcShadow) << connection.connectionName() << "running" << step.revision << "as one batch of" << count
                      << "statements";
    Outcome outcome;
    CatalogWrites first;
    QSqlQuery query(connection.database());
    qsizetype done = 0; // results that came back without an error, in statement order
    if (query.exec(sql)) {
        do {
            if (done == before && query.next())
                first = CatalogWrites::fromRow(query, 0);
            else if (done == after && query.next())
                outcome.writes = CatalogWrites::fromRow(query, 0);
            ++done;
        } while (query.nextResult());
    }
    if (done == count && !query.lastError().isValid()) {
        outcome.writes -= first;
        outcome.applied = true;
        return outcome;
    }
    qCDebug(lcShadow) << "the batch of" << step.revision << "stopped at statement" << done + 1 << "of" << count
                      << "and goes statement by statement";
    // A failure after BEGIN and before COMMIT leaves the transaction open and aborted; a failed
    // COMMIT has ended it.
    if (done >= 1 && done < count - 1)
        connection.rollback();
    return outcome;
}

} // namespace retort
