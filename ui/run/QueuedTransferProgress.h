#pragma once

#include "backup/TransferProgress.h"

#include <QElapsedTimer>

namespace retort::ui {

class MigrationWorker;

// Turns a backup's or restore's progress into the worker's transferProgressed signal, at most a
// few times a second (SQLite steps come far more often than a bar can show), and asks the worker
// whether the person pressed Cancel.
class QueuedTransferProgress : public TransferProgress
{
public:
    explicit QueuedTransferProgress(MigrationWorker &worker)
        : m_worker(worker)
    {
    }

    void advanced(Stage stage, Unit unit, qint64 done, qint64 total) override;
    bool cancelRequested() override;

private:
    MigrationWorker &m_worker;
    QElapsedTimer m_sinceLast;
    int m_lastStage = -1;
};

} // namespace retort::ui
