#include "DowngradeVerifyLoader.h"

#include "BackgroundJobs.h"
#include "command/VerifyCommand.h"

#include <QPointer>

namespace retort::ui {

DowngradeVerifyLoader::DowngradeVerifyLoader(QObject *parent)
    : QObject(parent)
    , m_jobs(new BackgroundJobs(this))
{
}

DowngradeVerifyLoader::~DowngradeVerifyLoader()
{
    // The jobs' destructor waits for the verification; asking it to stop keeps that wait short.
    cancel();
}

void DowngradeVerifyLoader::start(std::shared_ptr<const ProjectSnapshot> project, const RevIndexes &revisions,
                                  const QString &dialect, const QString &urlOption, const QString &workingDirectory)
{
    cancel();
    auto stop = std::make_shared<std::atomic<bool>>(false);
    m_cancel = stop;
    const int generation = ++m_generation;
    m_running = true;
    auto result = std::make_shared<VerifyReport>();
    auto error = std::make_shared<QString>();
    QPointer<DowngradeVerifyLoader> self(this);
    m_jobs->start(
        QStringLiteral("retort-verify"),
        [project, revisions, dialect, urlOption, workingDirectory, stop, result, error, self, generation] {
            SchemaCommandOptions options;
            options.dialect = dialect;
            options.urlOption = urlOption;
            options.workingDirectory = workingDirectory;
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
            RunResult<VerifyReport> report = verifyCommand(*project, revisions, options);
            if (!report) {
                *error = report.error().toString();
                return;
            }
            *result = std::move(report).value();
        },
        [this, result, error, generation] {
            if (generation != m_generation)
                return; // cancelled, or a newer verification
            m_running = false;
            if (!error->isEmpty())
                emit failed(*error);
            else
                emit finished(result);
        });
}

void DowngradeVerifyLoader::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
    m_cancel.reset();
    ++m_generation;
    m_running = false;
}

} // namespace retort::ui
