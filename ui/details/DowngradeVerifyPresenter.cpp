#include "DowngradeVerifyPresenter.h"

#include "DowngradeVerifyLoader.h"
#include "command/DatabaseTarget.h"
#include "command/RetortSettings.h"
#include "graph/ProblemListModel.h"

#include <QDir>
#include <QProcessEnvironment>
#include <QPushButton>
#include <QStatusBar>

namespace retort::ui {

namespace {

const QString kindPrefix = QStringLiteral("Downgrade");

} // namespace

QString windowShadowDialect(const ProjectSnapshot &project, const QString &url, QString *refusal)
{
    const auto target =
        resolveDatabaseTarget(project.config(), url, QProcessEnvironment::systemEnvironment(), QDir::currentPath());
    if (!target || !target->url.isPostgresql())
        return QStringLiteral("sqlite");
    if (RetortSettings::fromConfig(project.config()).shadowUrl.isEmpty()) {
        *refusal = QObject::tr("Shadow databases for PostgreSQL need a server where Retort may create them: "
                               "shadow_url = postgresql://... in the [retort] section of alembic.ini.");
        return {};
    }
    return QStringLiteral("postgresql");
}

QHash<QString, RevisionGraphModel::Verification> verificationBadges(const VerifyReport &report)
{
    QHash<QString, RevisionGraphModel::Verification> badges;
    for (const StepVerification &step : report.steps) {
        RevisionGraphModel::Verification badge;
        badge.problem = step.ok() ? QStringLiteral("ok") : StepVerification::problemName(step.problem);
        QStringList lines{step.describe()};
        for (const SchemaChange &change : step.differences)
            lines << change.kindName() + u' ' + change.table + (change.name.isEmpty() ? QString() : u'.' + change.name);
        badge.details = lines.join(u'\n');
        badges.insert(step.revision, badge);
    }
    return badges;
}

Problems verificationProblems(const VerifyReport &report, const RevisionMap &map)
{
    Problems problems;
    for (const StepVerification &step : report.steps) {
        if (step.ok())
            continue;
        const RevIndex index = map.indexOf(step.revision);
        QString path = step.error ? step.error->path : QString();
        int line = step.error ? step.error->line : 0;
        if (path.isEmpty() && index >= 0) {
            path = map.revision(index).path;
            line = map.revision(index).downgradeLines.first;
        }
        Problem problem =
            Problem::make(Problem::Severity::Error, kindPrefix + u':' + StepVerification::problemName(step.problem),
                          path, line, QObject::tr("revision %1: %2").arg(step.revision, step.describe()));
        problem.revision = step.revision;
        problems.append(problem);
    }
    return problems;
}

DowngradeVerifyPresenter::DowngradeVerifyPresenter(QStatusBar *statusBar, RevisionGraphModel *model,
                                                   ProblemListModel *problems, QObject *parent)
    : QObject(parent)
    , m_statusBar(statusBar)
    , m_model(model)
    , m_problems(problems)
    , m_loader(new DowngradeVerifyLoader(this))
    , m_cancel(new QPushButton(tr("Cancel Verification"), statusBar))
{
    m_cancel->setObjectName(QStringLiteral("cancelVerification"));
    m_cancel->setVisible(false);
    m_statusBar->addPermanentWidget(m_cancel);
    connect(m_cancel, &QPushButton::clicked, this, &DowngradeVerifyPresenter::cancel);
    connect(m_loader, &DowngradeVerifyLoader::progress, this, [this](int done, int total, const QString &revision) {
        m_statusBar->showMessage(tr("Verifying downgrades: %1 of %2 (%3)").arg(done).arg(total).arg(revision));
    });
    connect(m_loader, &DowngradeVerifyLoader::finished, this, [this](std::shared_ptr<const VerifyReport> report) {
        m_cancel->setVisible(false);
        if (m_project)
            show(*report, m_project->map());
        emit finished(report);
    });
    connect(m_loader, &DowngradeVerifyLoader::failed, this, [this](const QString &message) {
        stopped(tr("Downgrades not verified: %1").arg(message));
        emit logLine(tr("Downgrades not verified: %1").arg(message));
    });
}

bool DowngradeVerifyPresenter::isRunning() const
{
    return m_loader->isRunning();
}

void DowngradeVerifyPresenter::start(std::shared_ptr<const ProjectSnapshot> project, const RevIndexes &revisions,
                                     const QString &url, const QString &workingDirectory)
{
    if (!project)
        return;
    QString refusal;
    const QString dialect = windowShadowDialect(*project, url, &refusal);
    if (dialect.isEmpty()) {
        stopped(refusal);
        emit logLine(refusal);
        return;
    }
    m_cancel->setVisible(true);
    m_statusBar->showMessage(tr("Verifying downgrades on shadow databases..."));
    m_project = project;
    m_loader->start(std::move(project), revisions, dialect, url, workingDirectory);
}

void DowngradeVerifyPresenter::cancel()
{
    if (!m_loader->isRunning())
        return;
    m_loader->cancel();
    stopped(tr("Verification cancelled"));
}

void DowngradeVerifyPresenter::stopped(const QString &message)
{
    m_cancel->setVisible(false);
    m_statusBar->showMessage(message, 8000);
}

void DowngradeVerifyPresenter::show(const VerifyReport &report, const RevisionMap &map)
{
    m_model->addVerifications(verificationBadges(report));
    // Earlier verification problems go; the project's own and the replay's stay.
    m_problems->setProblems(ProblemListModel::Source::Verification, verificationProblems(report, map));
    const int failing = report.problems();
    m_statusBar->showMessage(
        failing == 0
            ? tr("Downgrades verified: %n revision(s), all undo their upgrade", nullptr, int(report.steps.size()))
            : tr("Downgrades verified: %n revision(s) with problems; see Problems", nullptr, failing),
        8000);
}

} // namespace retort::ui
