#include "StepScript.h"

#include "ScriptChecksum.h"
#include "db/DataStatement.h"
#include "db/SqlSplitter.h"
#include "script/SqlRevisionReader.h"

#include <QFile>

#include <algorithm>

namespace retort {

RunResult<StepScript> StepScript::load(const Revision &revision, PlanStep::Direction direction, SqlDialect dialect)
{
    QFile file(revision.path);
    if (!file.open(QIODevice::ReadOnly)) {
        return RunError::make(
            ErrorKind::ScriptUnreadable,
            QStringLiteral("cannot read the script of revision %1: %2").arg(revision.id, file.errorString()),
            revision.id, revision.path);
    }
    const QByteArray content = file.readAll();
    const SqlReadResult read = SqlRevisionReader::read(content, revision.path);
    if (!read.revision || read.revision->id != revision.id) {
        return RunError::make(
            ErrorKind::ScriptChanged,
            QStringLiteral("the file no longer defines revision %1; reload the project").arg(revision.id), revision.id,
            revision.path);
    }

    StepScript script;
    script.path = revision.path;
    script.transactional = read.revision->transactional;
    script.sha256 = ScriptChecksum::ofContent(content);
    const SqlDirection sqlDirection =
        direction == PlanStep::Direction::Up ? SqlDirection::Upgrade : SqlDirection::Downgrade;
    for (const SqlSection &section : read.script.sectionsFor(sqlDirection, sqlDialectName(dialect))) {
        const DbResult<QList<SqlStatement>> split = SqlSplitter::split(section.text, dialect, section.firstLine);
        if (!split) {
            return RunError::make(split.error().kind, split.error().message, revision.id, revision.path,
                                  split.error().line);
        }
        script.statements += *split;
    }
    return script;
}

bool StepScript::onlyDataStatements(SqlDialect dialect) const
{
    return std::all_of(statements.cbegin(), statements.cend(),
                       [&](const SqlStatement &s) { return isDataStatement(s.text, dialect); });
}

} // namespace retort
