#include "ProjectSnapshot.h"

#include "script/ProjectLocator.h"
#include "script/ScriptDirectory.h"

#include <algorithm>

namespace retort {

std::shared_ptr<const ProjectSnapshot> ProjectSnapshot::load(const QString &directoryOption,
                                                             const QString &workingDirectory)
{
    return fromConfig(ProjectLocator::locate(directoryOption, workingDirectory));
}

std::shared_ptr<const ProjectSnapshot> ProjectSnapshot::fromConfig(ProjectConfig config)
{
    auto snapshot = std::make_shared<ProjectSnapshot>();
    snapshot->m_problems = config.problems;
    if (!config.isValid()) {
        QString message;
        for (const Problem &problem : config.problems) {
            if (problem.severity == Problem::Severity::Error) {
                message = problem.toString();
                break;
            }
        }
        snapshot->m_blockingError = GraphError::make(ErrorKind::ConfigurationError, message);
    }

    ScriptDirectory scripts;
    if (config.isValid())
        scripts = ScriptDirectory::load(config);
    snapshot->m_problems += scripts.problems;
    snapshot->m_files = scripts.files;

    RevisionMap::Built built = RevisionMap::build(std::move(scripts.revisions));
    snapshot->m_problems += built.problems;
    snapshot->m_map = std::move(built.map);
    if (!snapshot->m_blockingError)
        snapshot->m_blockingError = built.firstError;
    snapshot->m_config = std::move(config);
    return snapshot;
}

std::optional<GraphError> ProjectSnapshot::runBlockingError() const
{
    if (m_blockingError)
        return m_blockingError;
    const auto isError = [](const Problem &problem) { return problem.severity == Problem::Severity::Error; };
    const auto first = std::find_if(m_problems.cbegin(), m_problems.cend(), isError);
    if (first == m_problems.cend())
        return std::nullopt;
    const auto count = std::count_if(m_problems.cbegin(), m_problems.cend(), isError);
    return GraphError::make(
        ErrorKind::ProjectHasErrors,
        QStringLiteral("%1\n  the project has %2 error(s), so nothing was run and the database is unchanged; fix "
                       "them first ('retort check' lists them)")
            .arg(first->toString())
            .arg(count));
}

} // namespace retort
