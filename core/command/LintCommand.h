#pragma once

#include "Problem.h"
#include "command/CheckCommand.h"
#include "command/DatabaseSession.h"
#include "command/ProjectSnapshot.h"
#include "command/RenderedLint.h"
#include "lint/LintFinding.h"
#include "run/RunError.h"

#include <QProcessEnvironment>
#include <optional>

namespace retort {

// What `lint` is asked, with what is known about the database already read.
struct LintRequest
{
    QString selector; // REV, or a RANGE [start]:[end] as history -r; empty: the default
    QList<SqlDialect> dialects; // the project's dialect; empty: both SQLite's and PostgreSQL's rules
    std::optional<int> serverVersion; // major version of the connected PostgreSQL server
    std::optional<QStringList> databaseHeads; // the version table's rows; nullopt: no database
    QList<ChangedScript> changedScripts; // applied scripts edited since (from the journal)
    // Where Python upgrades are rendered offline (findings the static read of op.* calls cannot
    // see, such as op.execute(variable)); nullopt: the static read only.
    std::optional<RenderSource> render;
};

// The findings of the revisions linted, errors first, and what was assumed.
struct LintReport
{
    QStringList revisions; // linted, oldest first
    LintFindings findings;
    QList<SqlDialect> dialects;
    int postgresVersion = 15;
    QString scope; // "2 revision(s) not applied to sqlite:///app.db", "every revision"
    Problems problems; // settings that could not be read, a database that could not be reached

    bool hasErrors() const;
};

// The pure part: lints the selected revisions (default: those not applied to databaseHeads,
// or every revision when there is no database). A selector that names nothing is an error.
RunResult<LintReport> lintCommand(const ProjectSnapshot &project, const LintRequest &request);

// `lint [REV | RANGE]`: Python upgrades also through the project's Alembic offline when the URL
// names a dialect; with the database of --url / DATABASE_URL / alembic.ini when it can be
// reached (its dialect, server version, version table and journal), else without one (the URL's
// dialect when there is a URL, said in problems).
RunResult<LintReport> lintCommand(std::shared_ptr<const ProjectSnapshot> project, const QString &selector,
                                  const QString &urlOption, const QProcessEnvironment &environment,
                                  const QString &workingDirectory);

} // namespace retort
