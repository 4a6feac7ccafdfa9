#pragma once

#include "command/DriftCommand.h"
#include "command/IdentifyCommand.h"
#include "command/ProjectSnapshot.h"
#include "run/RunError.h"

#include <QObject>

#include <atomic>
#include <memory>

namespace retort::ui {

class BackgroundJobs;

// Runs `drift` and `identify` off the GUI thread through the command layer: each job opens a
// session of its own in its thread (connections belong to the thread that opened them), reads
// the database and compares it with schemas replayed on shadow databases. A newer start or
// cancel() makes the running job's result be dropped.
class DriftChecker : public QObject
{
    Q_OBJECT

public:
    explicit DriftChecker(QObject *parent = nullptr);
    ~DriftChecker() override;

    // Why drift is not checked for this project and URL, or empty when it can be: on PostgreSQL
    // the window creates scratch databases only on the server [retort] shadow_url names.
    static QString unavailableReason(const ProjectSnapshot &project, const QString &url,
                                     const QString &workingDirectory);

    void check(std::shared_ptr<const ProjectSnapshot> project, const QString &url, const QString &workingDirectory);
    void identify(std::shared_ptr<const ProjectSnapshot> project, const QString &url, const QString &workingDirectory);
    void cancel();
    bool isRunning() const { return m_running; }

signals:
    void checked(std::shared_ptr<const retort::DriftReport> report);
    void identified(std::shared_ptr<const retort::IdentifyReport> report);
    // `identify` tells which job failed; ResolutionError: a version row no file defines.
    void failed(const retort::RunError &error, bool identify);

private:
    template <typename Report, typename Command>
    void start(std::shared_ptr<const ProjectSnapshot> project, const QString &url, const QString &workingDirectory,
               Command command, void (DriftChecker::*done)(std::shared_ptr<const Report>), bool identify);

    BackgroundJobs *m_jobs = nullptr;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    int m_generation = 0;
    bool m_running = false;
};

} // namespace retort::ui
