#pragma once

#include "RunMetaTypes.h"

#include <QObject>

#include <atomic>
#include <memory>

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
    void run(const retort::MigrationRequest &request);

    // Called by the run observer after a step committed: the version table as it is now.
    void reportStateAfterStep(const retort::PlanStep &step);

signals:
    void sessionOpened(const QString &displayUrl, int dialect);
    void sessionFailed(const retort::RunError &error);
    void stateRead(const retort::CurrentState &state);
    void stateFailed(const retort::RunError &error);
    void planned(const retort::MigrationRequest &request, const retort::Plan &plan);
    void planFailed(const retort::MigrationRequest &request, const retort::RunError &error);
    void stepStarted(int index, int count, const retort::PlanStep &step);
    void stepFinished(int index, int count, const retort::PlanStep &step, qint64 elapsedMs);
    void logLine(const QString &line);
    void finished(const retort::RunOutcome &outcome);

private:
    std::unique_ptr<DatabaseSession> m_session;
    std::atomic<bool> m_cancel{false};
};

} // namespace retort::ui
