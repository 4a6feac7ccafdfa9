#pragma once

#include "command/ProjectSnapshot.h"
#include "schema/SchemaChange.h"
#include "shadow/ReplayReport.h"

#include <QHash>
#include <QObject>

#include <atomic>
#include <memory>

namespace retort::ui {

class BackgroundJobs;

// What the window shows from a replay: every revision's schema and change set.
struct SchemaReplayResult
{
    ReplayReport report;
    QHash<QString, SchemaChanges> changes; // by revision id
};

// Replays the project's history on shadow databases off the GUI thread (the replay command, with
// the snapshot cache), reporting progress; a newer start() or cancel() stops the one running.
class SchemaReplayLoader : public QObject
{
    Q_OBJECT

public:
    explicit SchemaReplayLoader(QObject *parent = nullptr);
    ~SchemaReplayLoader() override;

    // `dialect`: "sqlite" or "postgresql" (empty: the project URL's, else SQLite).
    void start(std::shared_ptr<const ProjectSnapshot> project, const QString &dialect, const QString &urlOption,
               const QString &workingDirectory);
    void cancel();
    bool isRunning() const { return m_running; }

signals:
    void progress(int done, int total, const QString &revision);
    void finished(std::shared_ptr<const retort::ui::SchemaReplayResult> result);
    void failed(const QString &message);
    // Started, finished, failed or stopped: the window enables Replay / Stop from it.
    void runningChanged(bool running);

private:
    void setRunning(bool running);

    BackgroundJobs *m_jobs = nullptr;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    int m_generation = 0;
    bool m_running = false;
};

} // namespace retort::ui
