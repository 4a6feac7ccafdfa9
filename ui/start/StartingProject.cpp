#include "StartingProject.h"

#include "project/RecentProjects.h"
#include "script/ProjectConfig.h"
#include "script/ProjectLocator.h"

#include <QFileInfo>

#include <algorithm>

namespace retort::ui {

QString startingProject(const QString &workingDirectory)
{
    const QString here = ProjectLocator::projectDirectory(QString(), workingDirectory);
    const Problems problems = ProjectConfig::fromDirectory(here).problems;
    const bool found = std::none_of(problems.cbegin(), problems.cend(), [](const Problem &problem) {
        return problem.kind == QLatin1String("ProjectNotFound");
    });
    if (found)
        return here;
    const QStringList recent = RecentProjects::projects();
    if (!recent.isEmpty() && QFileInfo(recent.constFirst()).isDir())
        return recent.constFirst();
    return {};
}

} // namespace retort::ui
