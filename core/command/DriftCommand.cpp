#include "DriftCommand.h"

#include "command/ProjectReplay.h"
#include "db/VersionTable.h"
#include "schema/SchemaDiff.h"
#include "schema/SchemaReader.h"

namespace retort {

RunResult<Schema> liveSchema(DatabaseSession &session, const SchemaFilter &filter)
{
    DbResult<Schema> schema = readSchema(session.connection(), schemaReaderOptions(session.settings()));
    if (!schema)
        return RunError::fromDb(schema.error(), ErrorKind::SchemaReadFailed);
    return filter.apply(std::move(schema).value());
}

RunResult<DriftReport> driftCommand(DatabaseSession &session, const SchemaCommandOptions &options)
{
    const ProjectSnapshot &project = session.project();
    const RevisionMap &map = project.map();
    const DbResult<QStringList> rows = VersionTable(session.connection(), session.settings().versionTable).heads();
    if (!rows)
        return RunError::fromDb(rows.error());

    DriftReport report;
    report.database = session.target().displayUrl();
    report.databaseHeads = *rows;
    report.databaseHeads.sort();
    const SchemaFilter filter = SchemaFilter::parse(session.settings().driftIgnore);
    report.ignored = filter.patterns();

    RevIndexes heads;
    for (const QString &row : std::as_const(report.databaseHeads)) {
        const RevIndex index = map.indexOf(row);
        if (index < 0)
            return RunError::make(ErrorKind::ResolutionError,
                                  QStringLiteral("the database is at revision %1, which no migration file defines "
                                                 "(Alembic: \"Can't locate revision identified by '%1'\"), so its "
                                                 "expected schema is unknown; 'retort identify' finds the revision "
                                                 "whose schema it has, then 'retort stamp --purge <revision>'")
                                      .arg(row),
                                  row);
        heads.push_back(index);
    }

    RunResult<Schema> live = liveSchema(session, filter);
    if (const RunError *error = live.failure())
        return *error;
    RunResult<std::unique_ptr<ProjectReplay>> replay = ProjectReplay::open(project, options, &session.target());
    if (const RunError *error = replay.failure())
        return *error;
    RunResult<Schema> expected = (*replay)->schemaAt(heads);
    if (const RunError *error = expected.failure())
        return *error;
    report.dialect = (*replay)->dialect();
    report.changes = SchemaDiff::between(filter.apply(std::move(expected).value()), *live);
    return report;
}

} // namespace retort
