#pragma once

#include "CommandLine.h"
#include "graph/MigrationRequest.h"
#include "run/MigrationRunner.h"
#include "run/RunError.h"

#include <QJsonObject>
#include <QTextStream>
#include <functional>
#include <memory>

namespace retort {
class DatabaseSession;
class ProjectSnapshot;
struct Plan;
struct PlanFile;
} // namespace retort

namespace retort::cli {

// The verbs that need a database: current, upgrade, downgrade, stamp, apply, log, check.
class DatabaseVerbs
{
public:
    DatabaseVerbs(const Invocation &invocation, QTextStream &out, QTextStream &err);
    int run(std::shared_ptr<const ProjectSnapshot> project);
    // `apply FILE`: runs the plan file's plan on this project and database, or refuses.
    int apply(std::shared_ptr<const ProjectSnapshot> project, const PlanFile &file);
    // Prints a run error (text on stderr, or {"error": {...}} with --json); returns exit status 1.
    int fail(const RunError &error);

private:
    std::unique_ptr<DatabaseSession> openSession(std::shared_ptr<const ProjectSnapshot> project);
    int current(DatabaseSession &session);
    int migrate(DatabaseSession &session, const MigrationRequest &request);
    // Runs a migration with the console observer and --wait, then prints its outcome.
    using Migration = std::function<RunOutcome(RunObserver &, std::chrono::milliseconds lockWait)>;
    int report(DatabaseSession &session, const Migration &migration);
    int dryRun(DatabaseSession &session, const MigrationRequest &request);
    int log(DatabaseSession &session);
    int check(DatabaseSession &session);

    int printJson(const QJsonObject &object);
    bool json() const { return m_invocation.has(QStringLiteral("json")); }
    bool verbose() const { return m_invocation.has(QStringLiteral("verbose")); }

    const Invocation &m_invocation;
    QTextStream &m_out;
    QTextStream &m_err;
};

} // namespace retort::cli
