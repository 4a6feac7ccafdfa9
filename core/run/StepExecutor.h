#pragma once

#include "RunError.h"
#include "StepScript.h"
#include "graph/Plan.h"
#include "graph/Revision.h"

#include <QDateTime>
#include <QStringList>
#include <optional>
#include <utility>

namespace retort {

class Connection;
class Journal;
struct JournalEntry;
class VersionTable;

// Runs one step of a plan in process: a native SQL revision's statements or a stamp, together
// with its version-table change and journal row in one transaction. Inside that transaction
// (BEGIN IMMEDIATE on SQLite) the version change comes first, in statements that only match
// while the table still holds the heads the plan expects (compare-and-swap): if another process
// moved it, nothing runs and the caller re-plans. Per step that is BEGIN, the version change,
// the script's statements, the journal row and COMMIT, nothing else. A script marked
// "Transactional: no" checks the heads, runs its statements one by one, then records the
// version change and journal row in a transaction of their own.
class StepExecutor
{
public:
    struct Outcome
    {
        enum class Status { Applied, Conflict, Failed };
        Status status = Status::Applied;
        QStringList actualHeads; // Conflict: what the version table holds
        std::optional<RunError> error; // Failed
        qint64 elapsedMs = 0;
        QString scriptSha256;
        // StepScript::onlyDataStatements.
        bool dataOnly = true;
    };

    StepExecutor(Connection &connection, VersionTable &versions, Journal *journal);

    // `revision` is null for stamp steps. `purgeFirst` empties the version table before the ops
    // (stamp --purge); `createTables` creates the version table (and journal) when missing.
    Outcome run(const PlanStep &step, const QStringList &expectedHeads, const Revision *revision, bool purgeFirst,
                bool createTables);

private:
    // Taking the version change for this step: nothing (go on), a conflict (the heads the table
    // holds instead) or an error (with whether the open transaction must be rolled back).
    struct Claim
    {
        std::optional<RunError> error;
        bool rollback = false;
        std::optional<QStringList> conflict;
    };
    // One transaction: BEGIN, the version table (created when asked), the guarded version change.
    Claim claimInTransaction(const PlanStep &step, const QStringList &expectedHeads, bool purgeFirst);
    // "Transactional: no": only checks that the heads are still the expected ones.
    Claim checkUnchanged(const QStringList &expectedHeads);
    // The script's statements in order; the first failure names its file, line and statement.
    std::optional<RunError> runStatements(const PlanStep &step, const StepScript &script);
    // After a non-transactional script: the version change in a transaction of its own. The
    // error comes with whether that transaction must be rolled back.
    std::optional<std::pair<RunError, bool>> recordVersionChange(const PlanStep &step, bool purgeFirst);
    std::optional<RunError> checkHeads(QStringList *actual);
    // The guarded version change did not happen: the heads the table holds instead (a conflict,
    // re-plan), or the error to fail the step with. The transaction is rolled back either way.
    RunResult<QStringList> explainRefusedSwap(const PlanStep &step, const QStringList &expectedHeads,
                                              const DbResult<bool> &swapped);
    std::optional<RunError> recordApplied(const PlanStep &step, const QStringList &expectedHeads, const QString &sha256,
                                          qint64 startedMs);
    void recordFailure(const PlanStep &step, const QStringList &expectedHeads, const QString &sha256,
                       const RunError &error);
    RunError stepError(const PlanStep &step, const DbError &error) const;
    JournalEntry journalEntry(const PlanStep &step, const QStringList &expectedHeads, const QString &sha256,
                              const QString &outcome) const;

    Connection &m_connection;
    VersionTable &m_versions;
    Journal *m_journal;
    QDateTime m_startedAt;
    bool m_createTables = false;
};

} // namespace retort
