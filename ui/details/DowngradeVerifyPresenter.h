#pragma once

#include "command/ProjectSnapshot.h"
#include "graph/RevisionGraphModel.h"
#include "shadow/VerifyReport.h"

#include <QObject>

#include <memory>

class QPushButton;
class QStatusBar;

namespace retort::ui {

class DowngradeVerifyLoader;
class ProblemListModel;

// The dialect shadow work uses for `url` in the window: PostgreSQL only where the project names a
// server for scratch databases ([retort] shadow_url), else SQLite. Empty with `refusal` set
// when the project's database is PostgreSQL and no shadow_url says where.
QString windowShadowDialect(const ProjectSnapshot &project, const QString &url, QString *refusal);

// The badges a verification puts on graph rows, and its problems as the Problems panel lists them
// (kind "Downgrade:" + the problem's name, at the failing file:line, else at the revision's
// downgrade in its file).
QHash<QString, RevisionGraphModel::Verification> verificationBadges(const VerifyReport &report);
Problems verificationProblems(const VerifyReport &report, const RevisionMap &map);

// The window's Verify Downgrades: runs the verification in the background, shows its progress
// and a Cancel button in the status bar, then the results as row badges and in Problems
// (replacing the problems of an earlier verification).
class DowngradeVerifyPresenter : public QObject
{
    Q_OBJECT

public:
    DowngradeVerifyPresenter(QStatusBar *statusBar, RevisionGraphModel *model, ProblemListModel *problems,
                             QObject *parent = nullptr);

    // `revisions` empty: every revision.
    void start(std::shared_ptr<const ProjectSnapshot> project, const RevIndexes &revisions, const QString &url,
               const QString &workingDirectory);
    void cancel();
    bool isRunning() const;

signals:
    void logLine(const QString &line);
    void finished(std::shared_ptr<const retort::VerifyReport> report);

private:
    void show(const VerifyReport &report, const RevisionMap &map);
    void stopped(const QString &message);

    QStatusBar *m_statusBar;
    RevisionGraphModel *m_model;
    ProblemListModel *m_problems;
    DowngradeVerifyLoader *m_loader;
    QPushButton *m_cancel;
    std::shared_ptr<const ProjectSnapshot> m_project; // of the verification running or shown
};

} // namespace retort::ui
