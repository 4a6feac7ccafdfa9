#pragma once

#include "CommandLine.h"
#include "graph/GraphError.h"
#include "graph/Result.h"
#include "graph/RevisionMap.h"

#include <QJsonObject>
#include <QTextStream>

#include <memory>

namespace retort {
class ProjectSnapshot;
}

namespace retort::cli {

// Runs one verb: asks the core command layer, then prints text or JSON.
// Exit codes: 0 success, 1 a graph/resolution/database error, 2 a usage error.
class CliRunner
{
public:
    CliRunner(const Invocation &invocation, QTextStream &out, QTextStream &err);
    int run();

private:
    int heads(const ProjectSnapshot &project);
    int branches(const ProjectSnapshot &project);
    int history(const ProjectSnapshot &project);
    int show(const ProjectSnapshot &project);
    int offlineSql(const ProjectSnapshot &project);
    int apply();

    void reportProblems(const ProjectSnapshot &project);
    int fail(const GraphError &error);
    int printJson(const QJsonObject &object);
    bool json() const { return m_invocation.has(QStringLiteral("json")); }
    bool verbose() const { return m_invocation.has(QStringLiteral("verbose")); }

    const Invocation &m_invocation;
    QTextStream &m_out;
    QTextStream &m_err;
};

} // namespace retort::cli
