#include "DriftMonitor.h"

#include "drift/DriftBanner.h"
#include "drift/DriftChecker.h"
#include "run/MigrationController.h"

namespace retort::ui {

DriftMonitor::DriftMonitor(DriftBanner *banner, MigrationController *controller, QObject *parent)
    : QObject(parent)
    , m_banner(banner)
    , m_checker(new DriftChecker(this))
{
    connect(controller, &MigrationController::connected, this, &DriftMonitor::check);
    connect(controller, &MigrationController::runFinished, this, &DriftMonitor::check);
    connect(controller, &MigrationController::restored, this, &DriftMonitor::check);
    connect(m_checker, &DriftChecker::checked, m_banner,
            [this](std::shared_ptr<const DriftReport> report) { m_banner->showDrift(*report); });
    connect(m_checker, &DriftChecker::identified, m_banner,
            [this](std::shared_ptr<const IdentifyReport> report) { m_banner->showIdentify(*report); });
    connect(m_checker, &DriftChecker::failed, m_banner, &DriftBanner::showFailure);
    connect(m_banner, &DriftBanner::identifyRequested, this, [this] {
        if (m_project)
            m_checker->identify(m_project, m_url, m_workingDirectory);
    });
    connect(m_banner, &DriftBanner::stampRequested, this, [this](const QString &revision, bool purge) {
        emit stampRequested(MigrationRequest::stamp({revision}, purge));
    });
}

void DriftMonitor::watch(std::shared_ptr<const ProjectSnapshot> project, const QString &url,
                         const QString &workingDirectory)
{
    stop();
    m_project = std::move(project);
    m_url = url;
    m_workingDirectory = workingDirectory;
}

void DriftMonitor::stop()
{
    m_checker->cancel();
    m_banner->clear();
    m_project.reset();
}

bool DriftMonitor::isChecking() const
{
    return m_checker->isRunning();
}

void DriftMonitor::check()
{
    if (!m_project || m_project->map().size() == 0)
        return;
    const QString unavailable = DriftChecker::unavailableReason(*m_project, m_url, m_workingDirectory);
    if (!unavailable.isEmpty()) {
        m_banner->showUnavailable(unavailable);
        return;
    }
    m_banner->showChecking();
    m_checker->check(m_project, m_url, m_workingDirectory);
}

} // namespace retort::ui
