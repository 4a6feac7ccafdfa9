#include "DatabaseSession.h"

#include "db/Connection.h"

namespace retort {

DatabaseSession::~DatabaseSession() = default;

RunResult<std::unique_ptr<DatabaseSession>> DatabaseSession::open(std::shared_ptr<const ProjectSnapshot> project,
                                                                  const QString &urlOption,
                                                                  const QProcessEnvironment &environment,
                                                                  const QString &workingDirectory)
{
    DbResult<DatabaseTarget> target =
        resolveDatabaseTarget(project->config(), urlOption, environment, workingDirectory);
    if (!target)
        return RunError::fromDb(target.error());

    std::unique_ptr<DatabaseSession> session(new DatabaseSession);
    session->m_target = std::move(target).value();
    session->m_settings = RetortSettings::fromConfig(project->config());
    session->m_environment = environment;
    session->m_project = std::move(project);
    session->m_connection = std::make_unique<Connection>(session->m_target.url, workingDirectory);
    if (auto error = session->m_connection->open())
        return RunError::fromDb(*error);
    return session;
}

bool DatabaseSession::nativeProject() const
{
    const RevisionMap &map = m_project->map();
    for (RevIndex i = 0; i < map.size(); ++i) {
        if (map.revision(i).format == ScriptFormat::Python)
            return false;
    }
    return true;
}

} // namespace retort
