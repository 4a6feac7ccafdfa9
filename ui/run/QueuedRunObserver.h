#pragma once

#include "run/RunObserver.h"

namespace retort::ui {

class MigrationWorker;

// Turns a run's progress into the worker's signals (queued to the window) and asks the worker
// whether the person pressed Cancel.
class QueuedRunObserver : public RunObserver
{
public:
    explicit QueuedRunObserver(MigrationWorker &worker)
        : m_worker(worker)
    {
    }

    void stepStarted(int index, int count, const PlanStep &step) override;
    void stepFinished(int index, int count, const PlanStep &step, qint64 elapsedMs) override;
    void log(const QString &line) override;
    bool cancelRequested() override;

private:
    MigrationWorker &m_worker;
};

} // namespace retort::ui
