#pragma once

#include "command/ProjectSnapshot.h"
#include "graph/MigrationRequest.h"

#include <QObject>

#include <memory>

namespace retort::ui {

class DriftBanner;
class DriftChecker;
class MigrationController;

// Keeps the drift banner current: checks drift when the controller connects and after each
// run, runs identify when the banner asks, and hands "Stamp as" to the window as a stamp
// request (which goes through the usual plan and confirmation).
class DriftMonitor : public QObject
{
    Q_OBJECT

public:
    DriftMonitor(DriftBanner *banner, MigrationController *controller, QObject *parent = nullptr);

    // The project and URL the controller was opened with; checked once it has connected.
    void watch(std::shared_ptr<const ProjectSnapshot> project, const QString &url, const QString &workingDirectory);
    void stop();
    bool isChecking() const;

signals:
    void stampRequested(const retort::MigrationRequest &request);

private:
    void check();

    DriftBanner *m_banner;
    DriftChecker *m_checker;
    std::shared_ptr<const ProjectSnapshot> m_project;
    QString m_url;
    QString m_workingDirectory;
};

} // namespace retort::ui
