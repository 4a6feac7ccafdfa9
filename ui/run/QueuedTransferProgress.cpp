#include "QueuedTransferProgress.h"

#include "MigrationWorker.h"

namespace retort::ui {

namespace {

constexpr qint64 kIntervalMs = 100;

} // namespace

void QueuedTransferProgress::advanced(Stage stage, Unit unit, qint64 done, qint64 total)
{
    // A new stage, and the end of one, always show; steps in between are thinned out.
    const bool newStage = int(stage) != m_lastStage;
    const bool finished = total > 0 && done >= total;
    if (!newStage && !finished && m_sinceLast.isValid() && m_sinceLast.elapsed() < kIntervalMs)
        return;
    m_lastStage = int(stage);
    m_sinceLast.start();
    emit m_worker.transferProgressed(int(stage), int(unit), done, total);
}

bool QueuedTransferProgress::cancelRequested()
{
    return m_worker.cancelRequested();
}

} // namespace retort::ui
