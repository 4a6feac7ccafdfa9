#pragma once

#include "command/ProjectSnapshot.h"
#include "lint/RevisionLint.h"

#include <QProcessEnvironment>
#include <optional>

namespace retort {

// Where a Python revision's upgrade is rendered: the project's own Alembic in offline mode
// (`upgrade parent:rev --sql`) for the URL's dialect, the output kept per script checksum and
// dialect under `cacheDirectory` so an unchanged script is rendered once.
struct RenderSource
{
    QString urlOption;
    QProcessEnvironment environment;
    QString workingDirectory;
    QString cacheDirectory; // empty: QStandardPaths::CacheLocation + "/lint"
    bool unavailable = false; // set once rendering failed for want of Alembic: not tried again
};

// The findings of the SQL Alembic renders for revision's upgrade, at the line of its
// `def upgrade()` and marked as rendered; nullopt when it cannot be rendered (no Alembic, no
// URL, a merge revision, a file that cannot be read).
std::optional<LintFindings> renderedPythonLint(const ProjectSnapshot &project, const Revision &revision,
                                               int upgradeLine, const RevisionLintOptions &options,
                                               RenderSource &source);

} // namespace retort
