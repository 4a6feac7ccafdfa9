#pragma once

#include "command/DatabaseTarget.h"
#include "command/ProjectSnapshot.h"
#include "command/RetortSettings.h"
#include "run/RunError.h"

#include <QProcessEnvironment>
#include <memory>
#include <variant>

namespace retort {

class Connection;

// A project together with the database it is migrating: the resolved URL, Retort's settings and
// an open connection. Built in the thread that will use it (connections are bound to threads).
class DatabaseSession
{
public:
    static RunResult<std::unique_ptr<DatabaseSession>> open(std::shared_ptr<const ProjectSnapshot> project,
                                                            const QString &urlOption,
                                                            const QProcessEnvironment &environment,
                                                            const QString &workingDirectory);
    ~DatabaseSession();

    const ProjectSnapshot &project() const { return *m_project; }
    const DatabaseTarget &target() const { return m_target; }
    const RetortSettings &settings() const { return m_settings; }
    const QProcessEnvironment &environment() const { return m_environment; }
    Connection &connection() { return *m_connection; }

    // True when every revision is native SQL (or there are none): the journal is on by default.
    bool nativeProject() const;

private:
    DatabaseSession() = default;

    std::shared_ptr<const ProjectSnapshot> m_project;
    DatabaseTarget m_target;
    RetortSettings m_settings;
    QProcessEnvironment m_environment;
    std::unique_ptr<Connection> m_connection;
};

} // namespace retort
