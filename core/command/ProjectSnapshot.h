#pragma once

#include "Problem.h"
#include "graph/RevisionMap.h"
#include "script/ProjectConfig.h"

#include <memory>
#include <optional>

namespace retort {

// A project as read at one moment: its configuration, its revisions and their graph, and every
// problem met on the way. Immutable, so the GUI can take one built on a worker thread.
class ProjectSnapshot
{
public:
    // Locates the project like `flask db` (-d DIR, else ./migrations with an alembic.ini, else
    // the working directory) and reads it. Never fails: what went wrong is in problems().
    static std::shared_ptr<const ProjectSnapshot> load(const QString &directoryOption, const QString &workingDirectory);
    static std::shared_ptr<const ProjectSnapshot> fromConfig(ProjectConfig config);

    const ProjectConfig &config() const { return m_config; }
    const RevisionMap &map() const { return *m_map; }
    std::shared_ptr<const RevisionMap> sharedMap() const { return m_map; }
    // Configuration, file and graph problems, in that order.
    const Problems &problems() const { return m_problems; }
    QStringList files() const { return m_files; }

    // Why graph questions cannot be answered as Alembic would: an unusable configuration, or a
    // graph error Alembic raises on load (cycle, missing parent). Empty when the graph is usable.
    const std::optional<GraphError> &blockingError() const { return m_blockingError; }
    // Why the database must not be changed from this project: the blocking error, else the first
    // problem of severity Error (an unreadable or broken file may be a revision the plan needs).
    std::optional<GraphError> runBlockingError() const;

private:
    ProjectConfig m_config;
    std::shared_ptr<const RevisionMap> m_map;
    Problems m_problems;
    QStringList m_files;
    std::optional<GraphError> m_blockingError;
};

} // namespace retort
