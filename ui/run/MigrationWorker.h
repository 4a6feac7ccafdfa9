#pragma once

#include "RunMetaTypes.h"

#include <QObject>

#include <atomic>
#include <memory>
#include <variant>

namespace retort::ui {

// Talks to the database, always on its own thread: it opens its DatabaseSession there (a
// connection belongs to the thread that opened it) and runs current / plan / migrate commands,
// reporting through signals that reach the window queued. Call its slots through
// QMetaObject::invokeMethod; only requestCancel() may be called from another thread directly.
class MigrationWorker : public QObject
{
    Q_OBJECT

public:
    explicit MigrationWorker(QObject *parent = nullptr);
    ~MigrationWorker() override;

    void requestCancel() { m_cancel = true; }
    bool cancelRequested() const { return m_cancel; }

    void openSession(std::shared_ptr<const retort::ProjectSnapshot> project, const QString &urlOption,
                     const QString &workingDirectory);
    void closeSession();
    void readState();
    void plan(const retort::MigrationRequest &request);
    void run(const retort::Plan &plan);
    // The journal's rows, for the details pane's "applied by".
    void readJournal();

    // Called by the run observer after a step committed: the version table as it is now.
    void reportStateAfterStep(const retort::PlanStep &step);

    // Backups of the session's database; a restore reads the state again when it is done.
    void backupNow();
    void inspectBackup(const QString &file);
    void restoreBackup(const QString &file);
    // Writes a merge revision (a file; no SQL, no session needed).
    void merge(std::shared_ptr<const retort::ProjectSnapshot> project, const retort::MergeRequest &request,
               const QString &workingDirectory);

signals:
    void sessionOpened(const QString &displayUrl, int dialect);
    void sessionFailed(const retort::RunError &error);
    void stateRead(const retort::CurrentState &state);
    void stateFailed(const retort::RunError &error);
    void planned(const retort::ReviewedPlan &reviewed);
    void planFailed(const retort::MigrationRequest &request, const retort::RunError &error);
    void stepStarted(int index, int count, const retort::PlanStep &step);
    void stepFinished(int index, int count, const retort::PlanStep &step, qint64 elapsedMs);
    void logLine(const QString &line);
    void finished(const retort::RunOutcome &outcome);
    void journalRead(const retort::JournalLog &log);
    void journalFailed(const retort::RunError &error);
    void backupTaken(const retort::BackupOutcome &outcome);
    void backupInspected(const retort::BackupInfo &info);
    void restored(const retort::RestoreOutcome &outcome);
    void merged(const retort::MergeOutcome &outcome);
    void taskFailed(const retort::RunError &error);

private:
    // Emits `done` with the command's value, or `failed` with its error.
    template <typename Value>
    void report(const RunResult<Value> &result, void (MigrationWorker::*done)(const Value &),
                void (MigrationWorker::*failed)(const RunError &) = &MigrationWorker::taskFailed);

    std::unique_ptr<DatabaseSession> m_session;
    std::atomic<bool> m_cancel{false};
};

} // namespace retort::ui
