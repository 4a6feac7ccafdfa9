#pragma once

#include "CommandLine.h"
#include "graph/MigrationRequest.h"
#include "run/RunError.h"

#include <QJsonObject>
#include <QTextStream>
#include <memory>

namespace retort {
class DatabaseSession;
class ProjectSnapshot;
struct Plan;
} // namespace retort

namespace retort::cli {

// The verbs that need a database: current, upgrade, downgrade, stamp, log, check.
class DatabaseVerbs
{
public:
    DatabaseVerbs(const Invocation &invocation, QTextStream &out, QTextStream &err);
    int run(std::shared_ptr<const ProjectSnapshot> project);

private:
    int current(DatabaseSession &session);
    int migrate(DatabaseSession &session, const MigrationRequest &request);
    int dryRun(DatabaseSession &session, const MigrationRequest &request);
    int log(DatabaseSession &session);
    int check(DatabaseSession &session);

    int fail(const RunError &error);
    int printJson(const QJsonObject &object);
    bool json() const { return m_invocation.has(QStringLiteral("json")); }
    bool verbose() const { return m_invocation.has(QStringLiteral("verbose")); }

    const Invocation &m_invocation;
    QTextStream &m_out;
    QTextStream &m_err;
};

} // namespace retort::cli
