#include "CheckCommand.h"

#include "command/DriftCommand.h"
#include "command/VersionRows.h"
#include "db/VersionTable.h"
#include "run/Journal.h"
#include "run/ScriptChecksum.h"

#include <QHash>

namespace retort {

namespace {

// Revision -> checksum of its newest successful upgrade (rows are oldest first).
QHash<QString, QString> appliedChecksums(const QList<JournalEntry> &journal)
{
    QHash<QString, QString> checksums;
    for (const JournalEntry &entry : journal) {
        if (entry.outcome == u"applied" && entry.direction == u"upgrade" && !entry.scriptSha256.isEmpty())
            checksums.insert(entry.revision, entry.scriptSha256.toLower());
    }
    return checksums;
}

} // namespace

bool CheckReport::hasErrors() const
{
    for (const Problem &problem : problems) {
        if (problem.severity == Problem::Severity::Error)
            return true;
    }
    return false;
}

CheckReport assessProject(const ProjectSnapshot &project, const QStringList &databaseHeads,
                          const QList<JournalEntry> *journal)
{
    const RevisionMap &map = project.map();
    CheckReport report;
    report.problems = project.problems();
    report.heads = map.ids(map.heads());
    report.databaseHeads = databaseHeads;
    report.databaseHeads.sort();
    report.journalPresent = journal != nullptr;

    RevIndexes known;
    for (const QString &head : std::as_const(report.databaseHeads)) {
        const RevIndex index = map.indexOf(head);
        if (index < 0)
            report.unknownDatabaseHeads.append(head);
        else
            known.push_back(index);
    }
    if (map.fatalError()) // a cycle: no walk is meaningful
        return report;

    // What `upgrade heads` runs: every ancestor of the heads (dependencies included) that the
    // known rows do not already cover. Unknown rows cover nothing we can see.
    const std::vector<char> applied = map.ancestors(known, RevisionMap::Edges::All);
    const std::vector<char> wanted = map.ancestors(map.realHeads(), RevisionMap::Edges::All);
    for (RevIndex i = 0; i < map.size(); ++i) {
        if (wanted[size_t(i)] && !applied[size_t(i)])
            ++report.pending;
    }

    if (!journal)
        return report;
    const QHash<QString, QString> checksums = appliedChecksums(*journal);
    for (RevIndex i = 0; i < map.size(); ++i) {
        if (!applied[size_t(i)])
            continue;
        const Revision &revision = map.revision(i);
        const auto recorded = checksums.constFind(revision.id);
        if (recorded == checksums.constEnd()) {
            report.unrecordedRevisions.append(revision.id);
            continue;
        }
        const Fallible<QString> current = ScriptChecksum::ofFile(revision.path);
        if (!current) {
            Problem problem;
            problem.kind = QStringLiteral("ScriptUnreadable");
            problem.path = revision.path;
            problem.revision = revision.id;
            problem.message = QStringLiteral("cannot read the applied script of revision %1 to compare its "
                                             "checksum: %2")
                                  .arg(revision.id, current.error().message);
            report.problems.append(problem);
            continue;
        }
        if (*current != *recorded)
            report.changedScripts.append({revision.id, revision.path, *recorded, *current});
    }
    return report;
}

namespace {

DriftCheck checkDrift(DatabaseSession &session, const SchemaCommandOptions &options)
{
    DriftCheck check;
    RunResult<DriftReport> drift = driftCommand(session, options);
    if (const RunError *error = drift.failure()) {
        check.reason = error->toString();
        return check;
    }
    check.checked = true;
    check.changes = std::move(drift).value().changes;
    return check;
}

// The project against these version rows and the journal, when the database has one.
RunResult<CheckReport> assessWithJournal(DatabaseSession &session, const QStringList &heads)
{
    Journal journal(session.connection(), session.settings().versionTable.schema, session.settings().journalTable);
    const DbResult<bool> exists = journal.exists();
    if (!exists)
        return RunError::fromDb(exists.error());
    if (!*exists)
        return assessProject(session.project(), heads, nullptr);
    const DbResult<QList<JournalEntry>> entries = journal.entries();
    if (!entries)
        return RunError::fromDb(entries.error());
    return assessProject(session.project(), heads, &*entries);
}

RunResult<CheckReport> assessSession(DatabaseSession &session)
{
    VersionTable versions(session.connection(), session.settings().versionTable);
    const DbResult<QStringList> heads = versions.heads();
    if (!heads)
        return RunError::fromDb(heads.error());
    RunResult<CheckReport> assessed = assessWithJournal(session, *heads);
    if (auto *failure = assessed.failure())
        return std::move(*failure);
    CheckReport report = std::move(assessed).value();
    // A doubled or NULL row is no unknown revision: say what it is, as current and upgrade do.
    if (auto bad = badVersionRows(*heads, versions, session.target().displayUrl())) {
        report.unknownDatabaseHeads.removeAll(QString());
        report.problems.append(
            Problem::make(Problem::Severity::Error, QStringLiteral("VersionRows"), QString(), 0, bad->message));
    }
    return report;
}

} // namespace

RunResult<CheckReport> checkCommand(DatabaseSession &session, const SchemaCommandOptions *drift)
{
    RunResult<CheckReport> assessed = assessSession(session);
    if (!assessed || !drift)
        return assessed;
    CheckReport report = std::move(assessed).value();
    report.drift = checkDrift(session, *drift);
    return report;
}

} // namespace retort
