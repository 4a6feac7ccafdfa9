#pragma once

#include "LintConfig.h"
#include "LintFinding.h"
#include "db/SqlDialect.h"
#include "graph/Revision.h"
#include "script/SqlScript.h"

#include <QList>

namespace retort {

// How a revision is linted: the dialects whose rules apply to sections that name none (the
// project's dialect; empty: both SQLite's and PostgreSQL's), the PostgreSQL version the rules
// assume, and the [retort] settings (disabled rules, severities).
struct RevisionLintOptions
{
    QList<SqlDialect> dialects;
    int postgresVersion = 15;
    LintConfig config;
};

// The findings of one direction of a revision, with revision and path filled in, errors first.
// A native revision's sections are read from its file now; a section marked for a dialect is
// linted with that dialect's rules only.
LintFindings lintRevision(const Revision &revision, SqlDirection direction, const RevisionLintOptions &options);

// The same for an SQL script already read (tests, and callers that hold the file).
LintFindings lintSqlScript(const SqlScript &script, SqlDirection direction, bool transactional,
                           const RevisionLintOptions &options);

} // namespace retort
