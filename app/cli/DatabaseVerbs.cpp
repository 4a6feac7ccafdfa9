#include "DatabaseVerbs.h"

#include "ConsoleRunObserver.h"
#include "PlanJson.h"
#include "RevisionText.h"
#include "command/DatabaseSession.h"
#include "command/MigrateCommands.h"
#include "run/StepDescription.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>

namespace retort::cli {

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
                    QJsonObject{{QStringLiteral("kind"), error.kind},
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

std::optional<MigrationRequest> DatabaseVerbs::request(QString *error) const
{
    const QString &verb = m_invocation.verb;
    const QStringList &args = m_invocation.positionals;
    if (verb == u"upgrade")
        return MigrationRequest::upgrade(args.value(0, QStringLiteral("head")));
    if (verb == u"downgrade")
        return MigrationRequest::downgrade(args.value(0, QStringLiteral("-1")));
    if (verb == u"stamp")
        return MigrationRequest::stamp(args, m_invocation.has(QStringLiteral("purge")));
    *error = verb;
    return std::nullopt;
}

int DatabaseVerbs::run(std::shared_ptr<const ProjectSnapshot> project)
{
    auto opened = DatabaseSession::open(std::move(project), m_invocation.value(QStringLiteral("url")),
                                        QProcessEnvironment::systemEnvironment(), QDir::currentPath());
    if (auto *error = std::get_if<RunError>(&opened))
        return fail(*error);
    DatabaseSession &session = *std::get<std::unique_ptr<DatabaseSession>>(opened);
    for (const Problem &problem : session.settings().problems)
        m_err << "retort: warning: " << problem.toString() << '\n';

    const QString &verb = m_invocation.verb;
    if (verb == u"current")
        return current(session);
    if (verb == u"log")
        return log(session);
    if (verb == u"check")
        return check(session);
    QString unknown;
    const std::optional<MigrationRequest> migration = request(&unknown);
    if (!migration) {
        m_err << "retort: '" << unknown << "' is not a database verb\n";
        return 2;
    }
    if (m_invocation.has(QStringLiteral("dry-run")))
        return dryRun(session, *migration);
    return migrate(session, *migration);
}

int DatabaseVerbs::current(DatabaseSession &session)
{
    const auto state = currentCommand(session);
    if (auto *error = std::get_if<RunError>(&state))
        return fail(*error);
    const CurrentState &current = std::get<CurrentState>(state);
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
    if (auto *error = std::get_if<RunError>(&planned))
        return fail(*error);
    const Plan &plan = std::get<Plan>(planned);
    if (json())
        return printJson(planToJson(plan));
    const RevisionMap &map = session.project().map();
    if (plan.steps.isEmpty())
        m_out << "Nothing to do: the database is at "
              << (plan.headsBefore.isEmpty() ? QStringLiteral("<base>") : plan.headsBefore.join(QStringLiteral(", ")))
              << '\n';
    for (const PlanStep &step : plan.steps) {
        m_out << "Would run " << describeStep(step);
        const RevIndex index = step.stamp ? -1 : map.indexOf(step.revision);
        if (index >= 0)
            m_out << ", " << map.revision(index).message;
        m_out << '\n';
        for (const VersionOp &op : step.versionOps)
            m_out << "    " << describeVersionOp(op) << '\n';
    }
    if (!plan.steps.isEmpty())
        m_out << "Heads after: "
              << (plan.headsAfter.isEmpty() ? QStringLiteral("<base>") : plan.headsAfter.join(QStringLiteral(", ")))
              << '\n';
    return 0;
}

int DatabaseVerbs::migrate(DatabaseSession &session, const MigrationRequest &request)
{
    const RevisionMap &map = session.project().map();
    ConsoleRunObserver observer(m_err, [&map](const QString &id) {
        const RevIndex index = map.indexOf(id);
        return index >= 0 ? map.revision(index).message : QString();
    });
    bool waitOk = true;
    const double waitSeconds = m_invocation.has(QStringLiteral("wait"))
                                   ? m_invocation.value(QStringLiteral("wait")).toDouble(&waitOk)
                                   : 0.0;
    if (!waitOk || waitSeconds < 0) {
        m_err << "retort: --wait takes a number of seconds\n";
        return 2;
    }
    const RunOutcome outcome =
        migrateCommand(session, request, observer, std::chrono::milliseconds(qint64(waitSeconds * 1000)));
    if (json()) {
        QJsonObject result = planToJson(outcome.plan);
        result.insert(QStringLiteral("applied"), outcome.stepsApplied);
        result.insert(QStringLiteral("heads_before"), QJsonArray::fromStringList(outcome.headsBefore));
        result.insert(QStringLiteral("heads_after"), QJsonArray::fromStringList(outcome.headsAfter));
        result.insert(QStringLiteral("cancelled"), outcome.cancelled);
        if (outcome.error) {
            fail(*outcome.error);
            return 1;
        }
        printJson(result);
        return 0;
    }
    if (outcome.error)
        return fail(*outcome.error);
    m_err << (outcome.stepsApplied == 0 ? QStringLiteral("Nothing to do; ")
                                        : QStringLiteral("%1 step(s) applied; ").arg(outcome.stepsApplied))
          << "the database is at "
          << (outcome.headsAfter.isEmpty() ? QStringLiteral("<base>") : outcome.headsAfter.join(QStringLiteral(", ")))
          << '\n';
    return 0;
}

int DatabaseVerbs::log(DatabaseSession &)
{
    m_err << "retort: 'log' is not available yet\n";
    return 1;
}

int DatabaseVerbs::check(DatabaseSession &)
{
    m_err << "retort: 'check' is not available yet\n";
    return 1;
}

} // namespace retort::cli
