#pragma once

#include "CommandLine.h"
#include "run/RunError.h"

#include <QJsonObject>
#include <QTextStream>

#include <memory>

namespace retort {
class DatabaseSession;
class ProjectSnapshot;
struct BackupInfo;
} // namespace retort

namespace retort::cli {

// The verbs backup, backups and restore. restore asks "[y/N]" on stderr when stdin is a
// terminal; without a terminal it needs --yes (exit 2 otherwise), so scripts never hang.
class BackupVerbs
{
public:
    BackupVerbs(const Invocation &invocation, QTextStream &out, QTextStream &err);
    static bool handles(const QString &verb);
    int run(std::shared_ptr<const ProjectSnapshot> project);

private:
    int backup(DatabaseSession &session);
    int backups(const ProjectSnapshot &project);
    int restore(DatabaseSession &session);
    bool confirm(const QString &question);

    int fail(const RunError &error);
    int printJson(const QJsonObject &object);
    bool json() const { return m_invocation.has(QStringLiteral("json")); }

    const Invocation &m_invocation;
    QTextStream &m_out;
    QTextStream &m_err;
};

} // namespace retort::cli
