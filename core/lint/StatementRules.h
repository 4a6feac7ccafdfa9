#pragma once

#include "LintFinding.h"
#include "db/SqlDialect.h"
#include "db/SqlStatement.h"

#include <QSet>
#include <QString>

namespace retort {

// What the rules know about the step so far, statement by statement: which dialect's rules
// apply, whether the step runs in one transaction, the tables and indexes it created (they are
// new, so locking them hurts nobody), and whether a lock_timeout was set.
struct StepLintState
{
    SqlDialect dialect = SqlDialect::PostgreSql;
    int postgresVersion = 15;
    bool transactional = true;
    QSet<QString> newTables; // last part of the name, as readQualifiedName gives it
    QSet<QString> newIndexes;
    bool lockTimeoutSet = false;
    bool timeoutNoticed = false; // require-timeout-settings is reported once per step
};

// Appends the findings of one statement (lines are the statement's) and updates the state.
void lintStatement(const SqlStatement &statement, StepLintState &state, LintFindings &findings);

} // namespace retort
