#include "DriftChecker.h"

#include "command/DatabaseSession.h"
#include "command/DatabaseTarget.h"
#include "command/RetortSettings.h"
#include "details/BackgroundJobs.h"

#include <QPointer>
#include <QProcessEnvironment>

namespace retort::ui {

DriftChecker::DriftChecker(QObject *parent)
    : QObject(parent)
    , m_jobs(new BackgroundJobs(this))
{
}

DriftChecker::~DriftChecker()
{
    // The jobs' destructor waits for the job; asking it to stop keeps that wait short.
    cancel();
}

QString DriftChecker::unavailableReason(const ProjectSnapshot &project, const QString &url,
                                        const QString &workingDirectory)
{
    const auto target =
        resolveDatabaseTarget(project.config(), url, QProcessEnvironment::systemEnvironment(), workingDirectory);
    if (target && target->url.isPostgresql() && RetortSettings::fromConfig(project.config()).shadowUrl.isEmpty())
        return tr("Schema drift is checked on a scratch database. For PostgreSQL, name a server where Retort may "
                  "create one: shadow_url = postgresql://... in the [retort] section of alembic.ini (or run "
                  "'retort drift' with a role that has CREATEDB).");
    return {};
}

template <typename Report, typename Command>
void DriftChecker::start(std::shared_ptr<const ProjectSnapshot> project, const QString &url,
                         const QString &workingDirectory, Command command,
                         void (DriftChecker::*done)(std::shared_ptr<const Report>), bool identify)
{
    cancel();
    auto stop = std::make_shared<std::atomic<bool>>(false);
    m_cancel = stop;
    const int generation = ++m_generation;
    m_running = true;
    auto result = std::make_shared<std::shared_ptr<const Report>>();
    auto error = std::make_shared<RunError>();
    m_jobs->start(
        identify ? QStringLiteral("retort-identify") : QStringLiteral("retort-drift"),
        [project, url, workingDirectory, stop, result, error, command] {
            auto session =
                DatabaseSession::open(project, url, QProcessEnvironment::systemEnvironment(), workingDirectory);
            if (const RunError *failure = session.failure()) {
                *error = *failure;
                return;
            }
            SchemaCommandOptions options;
            options.workingDirectory = workingDirectory;
            options.cancel = stop.get();
            auto report = command(**session, options);
            if (const RunError *failure = report.failure()) {
                *error = *failure;
                return;
            }
            *result = std::make_shared<const Report>(std::move(report).value());
        },
        [this, result, error, generation, done, identify] {
            if (generation != m_generation)
                return; // a newer job, or cancelled
            m_running = false;
            if (*result)
                emit(this->*done)(*result);
            else
                emit failed(*error, identify);
        });
}

void DriftChecker::check(std::shared_ptr<const ProjectSnapshot> project, const QString &url,
                         const QString &workingDirectory)
{
    start<DriftReport>(std::move(project), url, workingDirectory, &driftCommand, &DriftChecker::checked, false);
}

void DriftChecker::identify(std::shared_ptr<const ProjectSnapshot> project, const QString &url,
                            const QString &workingDirectory)
{
    start<IdentifyReport>(std::move(project), url, workingDirectory, &identifyCommand, &DriftChecker::identified, true);
}

void DriftChecker::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
    m_cancel.reset();
    ++m_generation;
    m_running = false;
}

} // namespace retort::ui
