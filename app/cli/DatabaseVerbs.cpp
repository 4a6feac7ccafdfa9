#include "DatabaseVerbs.h"

#include "ConsoleRunObserver.h"
#include "DriftVerbs.h"
#include "MigrationArguments.h"
#include "PlanText.h"
#include "RevisionText.h"
#include "command/CheckCommand.h"
#include "command/DatabaseSession.h"
#include "command/JournalCommands.h"
#include "command/MigrateCommands.h"
#include "review/PlanJson.h"
#include "run/RunSummary.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>

namespace retort::cli {

namespace {

QJsonObject journalEntryToJson(const JournalEntry &entry)
{
    const auto nullable = [](const QString &text) { return text.isEmpty() ? QJsonValue() : QJsonValue(text); };
    return {{QStringLiteral("id"), entry.id},
            {QStringLiteral("revision"), entry.revision},
            {QStringLiteral("direction"), entry.direction},
            {QStringLiteral("heads_before"), QJsonArray::fromStringList(entry.headsBefore)},
            {QStringLiteral("heads_after"), QJsonArray::fromStringList(entry.headsAfter)},
            {QStringLiteral("started_at"), entry.startedAt.toUTC().toString(Qt::ISODateWithMs)},
            {QStringLiteral("finished_at"), entry.finishedAt.toUTC().toString(Qt::ISODateWithMs)},
            {QStringLiteral("duration_ms"), entry.durationMs},
            {QStringLiteral("script_sha256"), nullable(entry.scriptSha256)},
            {QStringLiteral("applied_by"), entry.appliedBy},
            {QStringLiteral("retort_version"), entry.retortVersion},
            {QStringLiteral("outcome"), entry.outcome},
            {QStringLiteral("error"), nullable(entry.error)}};
}

QJsonObject problemToJson(const Problem &problem)
{
    return {{QStringLiteral("severity"),
             problem.severity == Problem::Severity::Error ? QStringLiteral("error") : QStringLiteral("warning")},
            {QStringLiteral("kind"), problem.kind},
            {QStringLiteral("path"), problem.path},
            {QStringLiteral("line"), problem.line},
            {QStringLiteral("revision"), problem.revision},
            {QStringLiteral("message"), problem.message}};
}

} // namespace

DatabaseVerbs::DatabaseVerbs(const Invocation &invocation, QTextStream &out, QTextStream &err)
    : m_invocation(invocation)
    , m_out(out)
    , m_err(err)
{
}

int DatabaseVerbs::fail(const RunError &error)
{
    if (json()) {
        printJson({{QStringLiteral("error"),
                    QJsonObject{{QStringLiteral("kind"), error.kindName()},
                                {QStringLiteral("message"), error.message},
                                {QStringLiteral("revision"), error.revision},
                                {QStringLiteral("path"), error.path},
                                {QStringLiteral("line"), error.line},
                                {QStringLiteral("statement"), error.statement},
                                {QStringLiteral("database_message"), error.databaseMessage}}}});
    } else {
        m_err << "FAILED: " << error.toString() << '\n';
    }
    return 1;
}

int DatabaseVerbs::printJson(const QJsonObject &object)
{
    m_out << QJsonDocument(object).toJson(QJsonDocument::Indented);
    return 0;
}

std::unique_ptr<DatabaseSession> DatabaseVerbs::openSession(std::shared_ptr<const ProjectSnapshot> project)
{
    auto opened = DatabaseSession::open(std::move(project), m_invocation.value(QStringLiteral("url")),
                                        QProcessEnvironment::systemEnvironment(), QDir::currentPath());
    if (auto *error = opened.failure()) {
        fail(*error);
        return nullptr;
    }
    auto session = std::move(opened).value();
    for (const Problem &problem : session->settings().problems)
        m_err << "retort: warning: " << problem.toString() << '\n';
    return session;
}

int DatabaseVerbs::run(std::shared_ptr<const ProjectSnapshot> project)
{
    const QString &verb = m_invocation.verb;
    const std::unique_ptr<DatabaseSession> opened = openSession(std::move(project));
    if (!opened)
        return DriftVerbs::handles(verb) ? DriftVerbs::cannotCheck : 1; // there, 1 means drift
    DatabaseSession &session = *opened;

    if (DriftVerbs::handles(verb))
        return DriftVerbs(m_invocation, m_out, m_err).run(session);
    if (verb == u"current")
        return current(session);
    if (verb == u"log")
        return log(session);
    if (verb == u"check")
        return check(session);
    const std::optional<MigrationRequest> migration = migrationRequest(m_invocation);
    if (!migration) {
        m_err << "retort: '" << verb << "' is not a database verb\n";
        return 2;
    }
    if (m_invocation.has(QStringLiteral("dry-run")))
        return dryRun(session, *migration);
    return migrate(session, *migration);
}

int DatabaseVerbs::current(DatabaseSession &session)
{
    const auto state = currentCommand(session);
    if (auto *error = state.failure())
        return fail(*error);
    const CurrentState &current = state.value();
    if (json()) {
        printJson({{QStringLiteral("heads"), QJsonArray::fromStringList(current.heads)},
                   {QStringLiteral("unknown_heads"), QJsonArray::fromStringList(current.unknownHeads)},
                   {QStringLiteral("database"), session.target().displayUrl()}});
    } else {
        const RevisionMap &map = session.project().map();
        const RevisionText text(map);
        if (verbose())
            m_out << "Current revision(s) for " << session.target().displayUrl() << ":\n";
        for (const QString &head : current.heads) {
            const RevIndex index = map.indexOf(head);
            if (index < 0)
                m_out << head << " (not in the migration files)\n";
            else if (verbose())
                m_out << text.logEntry(index) << '\n';
            else
                m_out << text.line(index, {}) << '\n';
        }
    }
    for (const QString &head : current.unknownHeads) {
        m_err << "retort: error: the database is at revision " << head
              << ", which no migration file defines; restore that file, or move the database with "
                 "'retort stamp --purge <revision>'\n";
    }
    return current.unknownHeads.isEmpty() ? 0 : 1;
}

int DatabaseVerbs::dryRun(DatabaseSession &session, const MigrationRequest &request)
{
    const auto planned = planCommand(session, request);
    if (auto *error = planned.failure())
        return fail(*error);
    const ReviewedPlan &reviewed = planned.value();
    if (json())
        return printJson(
            PlanFile::toJson(session.project().config().directory, session.target().displayUrl(), reviewed));
    writePlanText(m_out, session.project().map(), reviewed);
    return 0;
}

int DatabaseVerbs::migrate(DatabaseSession &session, const MigrationRequest &request)
{
    return report(session, [&](RunObserver &observer, std::chrono::milliseconds lockWait) {
        return migrateRequestCommand(session, request, observer, lockWait);
    });
}

int DatabaseVerbs::apply(std::shared_ptr<const ProjectSnapshot> project, const PlanFile &file)
{
    const std::unique_ptr<DatabaseSession> opened = openSession(std::move(project));
    if (!opened)
        return 1;
    DatabaseSession &session = *opened;
    const QString database = session.target().displayUrl();
    if (database != file.database)
        return fail(RunError::make(ErrorKind::WrongDatabase,
                                   QStringLiteral("the plan was made for %1, but the database here is %2; nothing "
                                                  "was run. Pass that database with --url or DATABASE_URL, or "
                                                  "make a plan for this one")
                                       .arg(file.database, database)));
    return report(session, [&](RunObserver &observer, std::chrono::milliseconds lockWait) {
        return migrateCommand(session, file.plan, observer, {lockWait, StalePlan::Refuse});
    });
}

int DatabaseVerbs::report(DatabaseSession &session, const Migration &migration)
{
    const RevisionMap &map = session.project().map();
    ConsoleRunObserver observer(m_err, [&map](const QString &id) {
        const RevIndex index = map.indexOf(id);
        return index >= 0 ? map.revision(index).message : QString();
    });
    bool waitOk = true;
    const double waitSeconds =
        m_invocation.has(QStringLiteral("wait")) ? m_invocation.value(QStringLiteral("wait")).toDouble(&waitOk) : 0.0;
    if (!waitOk || waitSeconds < 0) {
        m_err << "retort: --wait takes a number of seconds\n";
        return 2;
    }
    const RunOutcome outcome = migration(observer, std::chrono::milliseconds(qint64(waitSeconds * 1000)));
    if (outcome.error)
        return fail(*outcome.error);
    if (json()) {
        QJsonObject result = planToJson(outcome.plan);
        result.insert(QStringLiteral("applied"), outcome.stepsApplied);
        result.insert(QStringLiteral("heads_before"), QJsonArray::fromStringList(outcome.headsBefore));
        result.insert(QStringLiteral("heads_after"), QJsonArray::fromStringList(outcome.headsAfter));
        result.insert(QStringLiteral("cancelled"), outcome.cancelled);
        return printJson(result);
    }
    QString summary = runSummary(outcome.plan, outcome.stepsApplied);
    if (summary.isEmpty())
        summary = QStringLiteral("nothing to do");
    summary[0] = summary[0].toUpper();
    m_err << summary << "; the database is at " << headsText(outcome.headsAfter) << '\n';
    return 0;
}

int DatabaseVerbs::log(DatabaseSession &session)
{
    const auto result = journalCommand(session);
    if (auto *error = result.failure())
        return fail(*error);
    const JournalLog &journal = result.value();
    if (!journal.tableExists) {
        const QString advice = journal.enabled
            ? QStringLiteral("it is created by the next upgrade, downgrade or stamp")
            : QStringLiteral("to keep one, add 'journal = true' to the [retort] section of "
                             "alembic.ini");
        m_err << "retort: the database has no journal table (" << journal.table << "); " << advice << '\n';
    }
    if (json()) {
        QJsonArray entries;
        for (const JournalEntry &entry : journal.entries)
            entries.append(journalEntryToJson(entry));
        return printJson({{QStringLiteral("table"), journal.table},
                          {QStringLiteral("table_exists"), journal.tableExists},
                          {QStringLiteral("entries"), entries}});
    }
    if (journal.tableExists && journal.entries.isEmpty())
        m_out << "The journal is empty.\n";
    for (const JournalEntry &entry : journal.entries) {
        m_out << entry.startedAt.toUTC().toString(Qt::ISODate) << "  " << entry.appliedBy << "  " << entry.direction
              << ' ' << entry.revision << "  " << headsText(entry.headsBefore) << " -> " << headsText(entry.headsAfter)
              << "  " << entry.durationMs << " ms  " << entry.outcome << '\n';
        if (verbose() && !entry.scriptSha256.isEmpty())
            m_out << "    sha256 " << entry.scriptSha256 << ", retort " << entry.retortVersion << '\n';
        if (!entry.error.isEmpty())
            m_out << "    error: " << entry.error.trimmed().replace(QLatin1Char('\n'), QStringLiteral("\n    "))
                  << '\n';
    }
    return 0;
}

int DatabaseVerbs::check(DatabaseSession &session)
{
    const SchemaCommandOptions driftOptions = DriftVerbs::schemaOptions();
    const bool drift = !m_invocation.has(QStringLiteral("no-drift"));
    const auto result = checkCommand(session, drift ? &driftOptions : nullptr);
    if (auto *error = result.failure())
        return fail(*error);
    const CheckReport &report = result.value();
    const int status = report.ok() ? 0 : 1;
    if (json()) {
        QJsonArray changed;
        for (const ChangedScript &script : report.changedScripts)
            changed.append(QJsonObject{{QStringLiteral("revision"), script.revision},
                                       {QStringLiteral("path"), script.path},
                                       {QStringLiteral("applied_sha256"), script.appliedSha256},
                                       {QStringLiteral("current_sha256"), script.currentSha256}});
        QJsonArray problems;
        for (const Problem &problem : report.problems)
            problems.append(problemToJson(problem));
        printJson({{QStringLiteral("ok"), report.ok()},
                   {QStringLiteral("heads"), QJsonArray::fromStringList(report.heads)},
                   {QStringLiteral("database_heads"), QJsonArray::fromStringList(report.databaseHeads)},
                   {QStringLiteral("unknown_database_heads"), QJsonArray::fromStringList(report.unknownDatabaseHeads)},
                   {QStringLiteral("journal"), report.journalPresent},
                   {QStringLiteral("changed_scripts"), changed},
                   {QStringLiteral("unrecorded_revisions"), QJsonArray::fromStringList(report.unrecordedRevisions)},
                   {QStringLiteral("pending"), report.pending},
                   {QStringLiteral("problems"), problems},
                   {QStringLiteral("drift"),
                    report.drift ? DriftVerbs::driftCheckJson(*report.drift)
                                 : QJsonObject{{QStringLiteral("checked"), false},
                                               {QStringLiteral("reason"), QStringLiteral("--no-drift")}}},
                   {QStringLiteral("database"), session.target().displayUrl()}});
        return status;
    }

    m_out << "Database: " << session.target().displayUrl() << '\n';
    m_out << "Database revision(s): " << headsText(report.databaseHeads) << '\n';
    if (report.severalHeads()) {
        m_out << "ERROR: the migration files have " << report.heads.size()
              << " heads: " << report.heads.join(QStringLiteral(", "))
              << "\n    'upgrade head' (and 'flask db upgrade') will fail with \"Multiple head revisions\"; "
                 "merge them with 'flask db merge heads' (or 'alembic merge heads') and commit the merge "
                 "revision\n";
    } else {
        m_out << "Head: " << headsText(report.heads) << '\n';
    }
    for (const QString &head : report.unknownDatabaseHeads)
        m_out << "ERROR: the database is at revision " << head
              << ", which no migration file defines (Alembic: \"Can't locate revision identified by '" << head
              << "'\")\n    restore that revision's file, or move the database with "
                 "'retort stamp --purge <revision>'\n";
    for (const ChangedScript &script : report.changedScripts)
        m_out << "ERROR: " << script.path << ": revision " << script.revision
              << " was changed after it was applied (sha256 " << script.appliedSha256.left(12) << " then, "
              << script.currentSha256.left(12)
              << " now)\n    an edit to an applied script never reaches this database; put the change in a new "
                 "revision, or restore the file\n";
    if (!report.journalPresent)
        m_out << "Note: no journal table, so changed scripts cannot be detected"
              << (session.settings().journalEnabled(session.nativeProject())
                      ? QStringLiteral(" (the next run creates it)\n")
                      : QStringLiteral(" ([retort] journal = true in alembic.ini keeps one)\n"));
    else if (!report.unrecordedRevisions.isEmpty())
        m_out << "Note: " << report.unrecordedRevisions.size()
              << " applied revision(s) have no checksum in the journal (applied before it was kept, or by "
                 "another tool)\n";
    for (const Problem &problem : report.problems)
        m_out << (problem.severity == Problem::Severity::Error ? "ERROR: " : "warning: ") << problem.toString() << '\n';
    if (report.drift)
        DriftVerbs::printDriftCheck(m_out, *report.drift);
    if (report.pending > 0)
        m_out << report.pending << " revision(s) pending: 'retort upgrade heads' would apply them\n";
    else if (report.unknownDatabaseHeads.isEmpty())
        m_out << "No pending revisions.\n";
    m_out << (report.ok() ? "OK\n" : "FAILED\n");
    return status;
}

} // namespace retort::cli
