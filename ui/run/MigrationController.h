#pragma once

#include "RunMetaTypes.h"
#include "command/RehearseCommand.h"

#include <QObject>
#include <QThread>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace retort::ui {

class MigrationWorker;

// Owns the worker thread and the one MigrationWorker living in it. Every request plans once,
// asks the confirmer (a dialog, or a test's stand-in) with the plan's review, and after a yes
// runs that same plan. When the database moved in between, the run refuses (PlanStale) before
// any step, and the controller plans again and asks again. One request at a time: busy() is
// true from planning until the run has finished.
class MigrationController : public QObject
{
    Q_OBJECT

public:
    using Confirmer = std::function<bool(const PlanReview &)>;
    // Asked before a restore with the inspected backup and the database it would replace.
    using RestoreConfirmer = std::function<bool(const BackupInfo &backup, const QString &currentUrl)>;
    // Rehearses the plan being confirmed on a copy of the database (rehearseCommand); runs on a
    // thread of the caller's choosing, stops between steps once `cancel` is set.
    using Rehearser = std::function<RunResult<Rehearsal>(const std::atomic<bool> &cancel)>;
    // A confirmer that may rehearse first (the window's dialog); empty Rehearser for stamps.
    using RehearsingConfirmer = std::function<bool(const PlanReview &, const Rehearser &)>;

    explicit MigrationController(QObject *parent = nullptr);
    ~MigrationController() override; // cancels between steps, then quit() + wait()

    // The confirmer set last is the one asked.
    void setConfirmer(Confirmer confirmer)
    {
        m_confirmer = std::move(confirmer);
        m_rehearsingConfirmer = {};
    }
    void setRehearsingConfirmer(RehearsingConfirmer confirmer)
    {
        m_rehearsingConfirmer = std::move(confirmer);
        m_confirmer = {};
    }
    void setRestoreConfirmer(RestoreConfirmer confirmer) { m_restoreConfirmer = std::move(confirmer); }

    void open(std::shared_ptr<const ProjectSnapshot> project, const QString &urlOption,
              const QString &workingDirectory);
    void refresh();
    void request(const MigrationRequest &request);
    void cancel();
    // Backups run on the worker like migrations, one task at a time. restore() inspects the
    // file first and replaces the database only after the restore confirmer says yes.
    void backupNow();
    void restore(const QString &file);
    // Writes a merge revision into the open project; reload the project on merged().
    void merge(const MergeRequest &request, const QString &workingDirectory);

    bool isBusy() const { return m_busy; }
    bool isConnected() const { return m_connected; }
    std::optional<SqlDialect> dialect() const { return m_dialect; }
    QString displayUrl() const { return m_displayUrl; }
    const QThread *workerThread() const { return &m_thread; }
    // A run refused because the database moved before it started: the controller plans again
    // and asks again, so the error is news for the log, not for an error box.
    static bool replansAfter(const RunOutcome &outcome);

signals:
    void connected(const QString &displayUrl);
    void connectionFailed(const retort::RunError &error);
    void stateRead(const retort::CurrentState &state);
    void stateFailed(const retort::RunError &error);
    void busyChanged(bool busy);
    void planFailed(const retort::RunError &error);
    void runStarted(const retort::PlanReview &review);
    void declined();
    void stepStarted(int index, int count, const retort::PlanStep &step);
    void stepFinished(int index, int count, const retort::PlanStep &step, qint64 elapsedMs);
    void logLine(const QString &line);
    void runFinished(const retort::RunOutcome &outcome);
    // The journal, read after each connect and each run.
    void journalRead(const retort::JournalLog &log);
    void journalFailed(const retort::RunError &error);
    void taskStarted(const QString &title);
    void backupTaken(const retort::BackupOutcome &outcome);
    void restored(const retort::RestoreOutcome &outcome);
    void merged(const retort::MergeOutcome &outcome);
    void taskFailed(const retort::RunError &error);

private:
    void setBusy(bool busy);
    void readJournal();
    void onPlanned(const ReviewedPlan &reviewed);
    Rehearser rehearserFor(const Plan &plan) const;
    void onRunFinished(const RunOutcome &outcome);
    void onBackupInspected(const BackupInfo &backup);

    QThread m_thread;
    MigrationWorker *m_worker = nullptr;
    Confirmer m_confirmer;
    RehearsingConfirmer m_rehearsingConfirmer;
    RestoreConfirmer m_restoreConfirmer;
    std::shared_ptr<const ProjectSnapshot> m_project;
    QString m_urlOption;
    QString m_workingDirectory;
    std::optional<SqlDialect> m_dialect;
    QString m_displayUrl;
    bool m_busy = false;
    bool m_connected = false;
};

} // namespace retort::ui
