#include "SchemaCommands.h"

#include "command/GraphCommands.h"
#include "command/ProjectReplay.h"
#include "schema/SchemaDiff.h"

namespace retort {

namespace {

RunResult<RevIndexes> resolve(const ProjectSnapshot &project, const QString &spec)
{
    const Result<RevIndexes> found = showCommand(project, spec);
    if (!found)
        return RunError::fromGraph(found.error());
    return *found;
}

// One revision or base (nothing): several heads are an error, as Alembic words it.
RunResult<RevIndexes> resolveOne(const ProjectSnapshot &project, const QString &spec)
{
    RunResult<RevIndexes> found = resolve(project, spec);
    if (found && found->size() > 1)
        return RunError::make(ErrorKind::MultipleHeads,
                              QStringLiteral("%1 names %2 revisions (%3); name one")
                                  .arg(spec)
                                  .arg(found->size())
                                  .arg(project.map().ids(*found).join(QStringLiteral(", "))));
    return found;
}

} // namespace

RunResult<ReplayReport> replayCommand(const ProjectSnapshot &project, const SchemaCommandOptions &options)
{
    RunResult<std::unique_ptr<ProjectReplay>> replay = ProjectReplay::open(project, options);
    if (const RunError *error = replay.failure())
        return *error;
    return (*replay)->replay({}, options.keepSchemas);
}

RunResult<QList<RevisionSchema>> schemaCommand(const ProjectSnapshot &project, const QString &revision,
                                               const SchemaCommandOptions &options)
{
    const RunResult<RevIndexes> targets = resolve(project, revision.isEmpty() ? QStringLiteral("heads") : revision);
    if (const RunError *error = targets.failure())
        return *error;
    RunResult<ShadowServer::Options> place = ProjectReplay::place(project, options);
    if (const RunError *error = place.failure())
        return *error;
    if (targets->empty())
        return QList<RevisionSchema>{
            {QStringLiteral("base"), ProjectReplay::emptySchema(sqlDialectName(place->dialect))}};
    RunResult<std::unique_ptr<ProjectReplay>> replay = ProjectReplay::open(project, options);
    if (const RunError *error = replay.failure())
        return *error;
    const ReplayReport report = (*replay)->replay(*targets, true);
    QList<RevisionSchema> schemas;
    for (RevIndex target : *targets) {
        RunResult<Schema> schema = ProjectReplay::schemaOf(report, project.map().id(target));
        if (const RunError *error = schema.failure())
            return *error;
        schemas.append({project.map().id(target), std::move(schema).value()});
    }
    return schemas;
}

RunResult<SchemaDifference> diffCommand(const ProjectSnapshot &project, const QString &from, const QString &to,
                                        const SchemaCommandOptions &options)
{
    const RunResult<RevIndexes> fromRevision = resolveOne(project, from);
    if (const RunError *error = fromRevision.failure())
        return *error;
    const RunResult<RevIndexes> toRevision = resolveOne(project, to);
    if (const RunError *error = toRevision.failure())
        return *error;
    RunResult<ShadowServer::Options> place = ProjectReplay::place(project, options);
    if (const RunError *error = place.failure())
        return *error;
    const QString dialect = sqlDialectName(place->dialect);
    RevIndexes targets = *fromRevision;
    targets.insert(targets.end(), toRevision->begin(), toRevision->end());
    ReplayReport report;
    report.dialect = dialect;
    if (!targets.empty()) {
        RunResult<std::unique_ptr<ProjectReplay>> replay = ProjectReplay::open(project, options);
        if (const RunError *error = replay.failure())
            return *error;
        report = (*replay)->replay(targets, true);
    }
    const auto schemaAt = [&](const RevIndexes &revision) -> RunResult<Schema> {
        if (revision.empty())
            return ProjectReplay::emptySchema(dialect);
        return ProjectReplay::schemaOf(report, project.map().id(revision.front()));
    };
    const RunResult<Schema> before = schemaAt(*fromRevision);
    if (const RunError *error = before.failure())
        return *error;
    const RunResult<Schema> after = schemaAt(*toRevision);
    if (const RunError *error = after.failure())
        return *error;
    const auto name = [&](const RevIndexes &revision) {
        return revision.empty() ? QStringLiteral("base") : project.map().id(revision.front());
    };
    return SchemaDifference{name(*fromRevision), name(*toRevision), dialect, SchemaDiff::between(*before, *after)};
}

} // namespace retort
