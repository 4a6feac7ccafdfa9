#include "SchemaReplayLoader.h"

#include "BackgroundJobs.h"
#include "command/SchemaCommands.h"
#include "shadow/ChangeSets.h"

#include <QPointer>

namespace retort::ui {

SchemaReplayLoader::SchemaReplayLoader(QObject *parent)
    : QObject(parent)
    , m_jobs(new BackgroundJobs(this))
{
}

SchemaReplayLoader::~SchemaReplayLoader()
{
    // The jobs' destructor waits for the replay; asking it to stop keeps that wait short. No
    // signal now: whoever listens may be half destroyed already.
    blockSignals(true);
    cancel();
}

void SchemaReplayLoader::start(std::shared_ptr<const ProjectSnapshot> project, const QString &dialect,
                               const QString &urlOption, const QString &workingDirectory)
{
    cancel();
    auto stop = std::make_shared<std::atomic<bool>>(false);
    m_cancel = stop;
    const int generation = ++m_generation;
    setRunning(true);
    auto result = std::make_shared<SchemaReplayResult>();
    auto error = std::make_shared<QString>();
    QPointer<SchemaReplayLoader> self(this);
    m_jobs->start(
        QStringLiteral("retort-replay"),
        [project, dialect, urlOption, workingDirectory, stop, result, error, self, generation] {
            SchemaCommandOptions options;
            options.dialect = dialect;
            options.urlOption = urlOption;
            options.workingDirectory = workingDirectory;
            options.keepSchemas = true;
            options.cancel = stop.get();
            options.progress = [self, generation](const ReplayProgress &step) {
                QMetaObject::invokeMethod(
                    self.data(),
                    [self, generation, step] {
                        if (self && generation == self->m_generation)
                            emit self->progress(step.done, step.total, step.revision);
                    },
                    Qt::QueuedConnection);
            };
            RunResult<ReplayReport> report = replayCommand(*project, options);
            if (!report) {
                *error = report.error().toString();
                return;
            }
            result->changes = changeSets(project->map(), report->schemas);
            result->report = std::move(report).value();
        },
        [this, result, error, generation] {
            if (generation != m_generation)
                return; // a newer replay, or the project was closed
            setRunning(false);
            if (!error->isEmpty())
                emit failed(*error);
            else
                emit finished(result);
        });
}

void SchemaReplayLoader::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
    m_cancel.reset();
    ++m_generation;
    setRunning(false);
}

void SchemaReplayLoader::setRunning(bool running)
{
    if (running == m_running)
        return;
    m_running = running;
    emit runningChanged(running);
}

} // namespace retort::ui
