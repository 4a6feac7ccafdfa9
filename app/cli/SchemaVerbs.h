#pragma once

#include "CommandLine.h"
#include "run/RunError.h"
#include "schema/SchemaChange.h"

#include <QJsonObject>
#include <QTextStream>

namespace retort {
class ProjectSnapshot;
struct SchemaCommandOptions;
} // namespace retort

namespace retort::cli {

// The verbs schema, diff and replay: schemas computed on shadow databases, never on the
// project's own database.
class SchemaVerbs
{
public:
    SchemaVerbs(const Invocation &invocation, QTextStream &out, QTextStream &err);
    static bool handles(const QString &verb);
    int run(const ProjectSnapshot &project);

private:
    int schema(const ProjectSnapshot &project, const SchemaCommandOptions &options);
    int diff(const ProjectSnapshot &project, const SchemaCommandOptions &options);
    int replay(const ProjectSnapshot &project, const SchemaCommandOptions &options);

    int fail(const RunError &error);
    int printJson(const QJsonObject &object);
    bool json() const { return m_invocation.has(QStringLiteral("json")); }

    const Invocation &m_invocation;
    QTextStream &m_out;
    QTextStream &m_err;
};

// A run error as JSON: kind, message, revision, path, line, statement, database_message.
QJsonObject runErrorJson(const RunError &error);
// One schema change as `diff` prints it: kind, table.name, and what it was and becomes.
QString changeLine(const SchemaChange &change);

} // namespace retort::cli
