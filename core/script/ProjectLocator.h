#pragma once

#include "ProjectConfig.h"

#include <QString>

namespace retort {

// Finds the project the way `flask db` does: -d DIR when given, else ./migrations when it holds
// an alembic.ini, else the current directory (a plain Alembic project keeps alembic.ini there).
class ProjectLocator
{
public:
    // The directory that would be opened; relative directoryOption resolves against workingDir.
    static QString projectDirectory(const QString &directoryOption, const QString &workingDir);
    // projectDirectory() opened with ProjectConfig::fromDirectory().
    static ProjectConfig locate(const QString &directoryOption, const QString &workingDir);
};

} // namespace retort
