#include "SchemaCommands.h"

#include "command/GraphCommands.h"
#include "command/ShadowSetup.h"
#include "schema/SchemaDiff.h"

namespace retort {

namespace {

RunResult<ReplayReport> replay(const ProjectSnapshot &project, const SchemaCommandOptions &options,
                               const RevIndexes &targets, bool keepSchemas)
{
    RunResult<ShadowSetup> setup = ShadowSetup::open(project, options);
    if (const RunError *error = setup.failure())
        return *error;
    ShadowSetup shadow = std::move(setup).value();
    ReplayOptions replayOptions;
    replayOptions.reader = shadow.reader;
    replayOptions.targets = targets;
    replayOptions.keepSchemas = keepSchemas;
    replayOptions.cache = shadow.cachePointer();
    replayOptions.pythonFactory = shadow.pythonFactory;
    replayOptions.cancel = options.cancel;
    replayOptions.progress = options.progress;
    return ShadowReplay(project.map(), *shadow.server, std::move(replayOptions)).run();
}

// What a revision's replay left: its schema, or the error that explains why there is none.
RunResult<Schema> schemaOf(const ReplayReport &report, const QString &revision)
{
    if (report.cancelled)
        return RunError::make(ErrorKind::Cancelled, QStringLiteral("replay cancelled"), revision);
    if (auto it = report.schemas.constFind(revision); it != report.schemas.constEnd())
        return *it;
    QString current = revision;
    while (const RevisionReplay *entry = report.find(current)) {
        if (entry->error)
            return *entry->error;
        if (entry->blockedBy.isEmpty())
            break;
        current = entry->blockedBy;
    }
    return RunError::make(ErrorKind::SchemaReadFailed,
                          QStringLiteral("no schema was recorded for revision %1").arg(revision), revision);
}

Schema emptySchema(const QString &dialect)
{
    Schema schema;
    schema.dialect = dialect;
    return schema;
}

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
    return replay(project, options, {}, options.keepSchemas);
}

RunResult<QList<RevisionSchema>> schemaCommand(const ProjectSnapshot &project, const QString &revision,
                                               const SchemaCommandOptions &options)
{
    const RunResult<RevIndexes> targets = resolve(project, revision.isEmpty() ? QStringLiteral("heads") : revision);
    if (const RunError *error = targets.failure())
        return *error;
    RunResult<ShadowServer::Options> place = shadowPlace(project, options);
    if (const RunError *error = place.failure())
        return *error;
    if (targets->empty())
        return QList<RevisionSchema>{{QStringLiteral("base"), emptySchema(sqlDialectName(place->dialect))}};
    const RunResult<ReplayReport> report = replay(project, options, *targets, true);
    if (const RunError *error = report.failure())
        return *error;
    QList<RevisionSchema> schemas;
    for (RevIndex target : *targets) {
        RunResult<Schema> schema = schemaOf(*report, project.map().id(target));
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
    RunResult<ShadowServer::Options> place = shadowPlace(project, options);
    if (const RunError *error = place.failure())
        return *error;
    const QString dialect = sqlDialectName(place->dialect);
    RevIndexes targets = *fromRevision;
    targets.insert(targets.end(), toRevision->begin(), toRevision->end());
    ReplayReport report;
    report.dialect = dialect;
    if (!targets.empty()) {
        RunResult<ReplayReport> replayed = replay(project, options, targets, true);
        if (const RunError *error = replayed.failure())
            return *error;
        report = std::move(replayed).value();
    }
    const auto schemaAt = [&](const RevIndexes &revision) -> RunResult<Schema> {
        if (revision.empty())
            return emptySchema(dialect);
        return schemaOf(report, project.map().id(revision.front()));
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
