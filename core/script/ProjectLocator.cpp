#include "ProjectLocator.h"

#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace retort {

QString ProjectLocator::projectDirectory(const QString &directoryOption, const QString &workingDir)
{
    const QDir cwd(workingDir);
    if (!directoryOption.isEmpty())
        return QDir::cleanPath(cwd.absoluteFilePath(directoryOption));
    const QString migrations = cwd.absoluteFilePath(u"migrations"_s);
    if (QFileInfo(migrations + u"/alembic.ini"_s).isFile())
        return QDir::cleanPath(migrations);
    return QDir::cleanPath(cwd.absolutePath());
}

ProjectConfig ProjectLocator::locate(const QString &directoryOption, const QString &workingDir)
{
    return ProjectConfig::fromDirectory(projectDirectory(directoryOption, workingDir));
}

} // namespace retort
