#include "IdentifyCommand.h"

#include "command/DriftCommand.h"
#include "command/GraphCommands.h"
#include "command/ProjectReplay.h"
#include "db/VersionTable.h"
#include "schema/SchemaDiff.h"

#include <QHash>

#include <algorithm>

namespace retort {

QList<IdentifyCandidate> IdentifyReport::exactMatches() const
{
    QList<IdentifyCandidate> exact;
    for (const IdentifyCandidate &candidate : candidates) {
        if (candidate.exact())
            exact.append(candidate);
    }
    return exact;
}

RunResult<IdentifyReport> identifyCommand(DatabaseSession &session, const SchemaCommandOptions &options)
{
    const ProjectSnapshot &project = session.project();
    const Result<RevIndexes> history = historyCommand(project, QString());
    if (!history)
        return RunError::fromGraph(history.error());

    IdentifyReport report;
    report.database = session.target().displayUrl();
    const DbResult<QStringList> rows = VersionTable(session.connection(), session.settings().versionTable).heads();
    if (!rows)
        return RunError::fromDb(rows.error());
    report.databaseHeads = *rows;
    report.databaseHeads.sort();
    const SchemaFilter filter = SchemaFilter::parse(session.settings().driftIgnore);
    report.ignored = filter.patterns();

    const RunResult<Schema> live = liveSchema(session, filter);
    if (const RunError *error = live.failure())
        return *error;
    RunResult<std::unique_ptr<ProjectReplay>> replay = ProjectReplay::open(project, options, &session.target());
    if (const RunError *error = replay.failure())
        return *error;
    report.dialect = (*replay)->dialect();
    const ReplayReport replayed = (*replay)->replay({}, true);
    if (replayed.cancelled)
        return RunError::make(ErrorKind::Cancelled, QStringLiteral("identify cancelled"));

    const auto candidate = [&](const QString &revision, const Schema &schema) {
        IdentifyCandidate entry;
        entry.revision = revision;
        entry.differences = SchemaDiff::between(filter.apply(schema), *live);
        entry.distance = int(entry.differences.size());
        return entry;
    };
    // History order is newest first; base comes after every revision.
    QHash<QString, int> position;
    const RevisionMap &map = project.map();
    for (RevIndex i : *history) {
        const QString id = map.id(i);
        position.insert(id, int(position.size()));
        if (auto it = replayed.schemas.constFind(id); it != replayed.schemas.constEnd()) {
            report.candidates.append(candidate(id, *it));
            continue;
        }
        const RunResult<Schema> missing = ProjectReplay::schemaOf(replayed, id);
        const RevisionReplay *entry = replayed.find(id);
        report.unreplayed.append(
            {id, missing.failure() ? *missing.failure() : RunError(), entry ? entry->blockedBy : QString()});
    }
    position.insert(QStringLiteral("base"), int(position.size()));
    report.candidates.append(candidate(QStringLiteral("base"), ProjectReplay::emptySchema(report.dialect)));

    std::stable_sort(report.candidates.begin(), report.candidates.end(),
                     [&](const IdentifyCandidate &a, const IdentifyCandidate &b) {
                         if (a.distance != b.distance)
                             return a.distance < b.distance;
                         return position.value(a.revision) < position.value(b.revision);
                     });
    return report;
}

} // namespace retort
