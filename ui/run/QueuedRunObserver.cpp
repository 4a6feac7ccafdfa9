#include "QueuedRunObserver.h"

#include "MigrationWorker.h"

namespace retort::ui {

void QueuedRunObserver::stepStarted(int index, int count, const PlanStep &step)
{
    emit m_worker.stepStarted(index, count, step);
}

void QueuedRunObserver::stepFinished(int index, int count, const PlanStep &step, qint64 elapsedMs)
{
    emit m_worker.stepFinished(index, count, step, elapsedMs);
    m_worker.reportStateAfterStep(step);
}

void QueuedRunObserver::log(const QString &line)
{
    emit m_worker.logLine(line);
}

bool QueuedRunObserver::cancelRequested()
{
    return m_worker.cancelRequested();
}

} // namespace retort::ui
