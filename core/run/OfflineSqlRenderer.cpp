#include "OfflineSqlRenderer.h"

#include "StepScript.h"

namespace retort {

namespace {
const QString kTerminator = QStringLiteral(";\n\n");
}

OfflineSqlRenderer::OfflineSqlRenderer(const RevisionMap &map, Dialect dialect, VersionTable::Options versionTable)
    : m_map(map)
    , m_dialect(dialect)
    , m_versionTable(std::move(versionTable))
{
}

QString OfflineSqlRenderer::versionStatement(const VersionOp &op) const
{
    const QString table = m_dialect.qualifiedName(m_versionTable.schema, m_versionTable.table);
    const QString column = table + QStringLiteral(".version_num");
    switch (op.kind) {
    case VersionOp::Kind::Insert: {
        QString sql =
            QStringLiteral("INSERT INTO %1 (version_num) VALUES (%2)").arg(table, m_dialect.quoteLiteral(op.to));
        // SQLAlchemy 1.4 asks PostgreSQL for the inserted key; Alembic's output carries it.
        if (m_dialect.kind() == SqlDialect::PostgreSql)
            sql += QStringLiteral(" RETURNING ") + column;
        return sql;
    }
    case VersionOp::Kind::Update:
        return QStringLiteral("UPDATE %1 SET version_num=%2 WHERE %3 = %4")
            .arg(table, m_dialect.quoteLiteral(op.to), column, m_dialect.quoteLiteral(op.from));
    case VersionOp::Kind::Delete:
        return QStringLiteral("DELETE FROM %1 WHERE %2 = %3").arg(table, column, m_dialect.quoteLiteral(op.from));
    }
    return QString();
}

RunResult<QString> OfflineSqlRenderer::render(const Plan &plan, bool fromBase) const
{
    QString out;
    const bool transactional = m_dialect.transactionalDdl();
    if (transactional)
        out += QStringLiteral("BEGIN") + kTerminator;
    if (fromBase) {
        QString create = VersionTable::createStatement(m_dialect, m_versionTable);
        out += create.replace(QLatin1Char('\t'), QStringLiteral("    ")) + kTerminator;
    }
    for (const PlanStep &step : plan.steps) {
        const QString verb = step.stamp                 ? QStringLiteral("stamp_revision")
            : step.direction == PlanStep::Direction::Up ? QStringLiteral("upgrade")
                                                        : QStringLiteral("downgrade");
        out +=
            QStringLiteral("-- Running %1 %2 -> %3\n\n")
                .arg(verb, step.fromRevisions.join(QStringLiteral(", ")), step.toRevisions.join(QStringLiteral(", ")));
        if (!step.stamp) {
            const RevIndex index = m_map.indexOf(step.revision);
            if (index < 0) {
                return RunError::make(ErrorKind::ResolutionError,
                                      QStringLiteral("no file defines revision %1").arg(step.revision));
            }
            auto script = StepScript::load(m_map.revision(index), step.direction, m_dialect.kind());
            if (auto *error = script.failure())
                return *error;
            for (const SqlStatement &statement : script.value().statements)
                out += statement.text + kTerminator;
        }
        for (const VersionOp &op : step.versionOps)
            out += versionStatement(op) + kTerminator;
    }
    const bool endsAtBase = !plan.steps.isEmpty() && plan.headsAfter.isEmpty()
        && plan.steps.constLast().direction == PlanStep::Direction::Down && !plan.steps.constLast().stamp;
    if (endsAtBase)
        out += QStringLiteral("DROP TABLE ") + m_dialect.qualifiedName(m_versionTable.schema, m_versionTable.table)
            + kTerminator;
    if (transactional)
        out += QStringLiteral("COMMIT") + kTerminator;
    return out;
}

} // namespace retort
