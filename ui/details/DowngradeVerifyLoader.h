#pragma once

#include "command/ProjectSnapshot.h"
#include "shadow/VerifyReport.h"

#include <QObject>

#include <atomic>
#include <memory>

namespace retort::ui {

class BackgroundJobs;

// Verifies downgrades on shadow databases off the GUI thread (the verify command), reporting
// progress; a newer start() or cancel() stops the one running.
class DowngradeVerifyLoader : public QObject
{
    Q_OBJECT

public:
    explicit DowngradeVerifyLoader(QObject *parent = nullptr);
    ~DowngradeVerifyLoader() override;

    // `revisions` empty: every revision. `dialect`: "sqlite" or "postgresql".
    void start(std::shared_ptr<const ProjectSnapshot> project, const RevIndexes &revisions, const QString &dialect,
               const QString &urlOption, const QString &workingDirectory);
    void cancel();
    bool isRunning() const { return m_running; }

signals:
    void progress(int done, int total, const QString &revision);
    void finished(std::shared_ptr<const retort::VerifyReport> report);
    void failed(const QString &message);

private:
    BackgroundJobs *m_jobs = nullptr;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    int m_generation = 0;
    bool m_running = false;
};

} // namespace retort::ui
