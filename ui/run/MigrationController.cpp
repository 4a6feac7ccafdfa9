#include "MigrationController.h"

#include "MigrationWorker.h"
#include "UiLogging.h"

namespace retort::ui {

namespace {

// A rehearsal's only link to the window: the dialog's cancel flag, read between steps.
class CancelFlagObserver : public RunObserver
{
public:
    explicit CancelFlagObserver(const std::atomic<bool> &cancel)
        : m_cancel(cancel)
    {
    }
    bool cancelRequested() override { return m_cancel.load(); }

private:
    const std::atomic<bool> &m_cancel;
};

} // namespace

MigrationController::MigrationController(QObject *parent)
    : QObject(parent)
    , m_worker(new MigrationWorker)
{
    registerRunMetaTypes();
    m_thread.setObjectName(QStringLiteral("retort-database"));
    m_worker->moveToThread(&m_thread);

    connect(m_worker, &MigrationWorker::sessionOpened, this, [this](const QString &displayUrl, int dialect) {
        m_connected = true;
        m_dialect = SqlDialect(dialect);
        m_displayUrl = displayUrl;
        emit connected(displayUrl);
        readJournal();
    });
    connect(m_worker, &MigrationWorker::sessionFailed, this, [this](const RunError &error) {
        m_connected = false;
        m_dialect.reset();
        setBusy(false);
        emit connectionFailed(error);
    });
    connect(m_worker, &MigrationWorker::stateRead, this, &MigrationController::stateRead);
    connect(m_worker, &MigrationWorker::stateFailed, this, &MigrationController::stateFailed);
    connect(m_worker, &MigrationWorker::planned, this, &MigrationController::onPlanned);
    connect(m_worker, &MigrationWorker::planFailed, this, [this](const MigrationRequest &, const RunError &error) {
        setBusy(false);
        emit planFailed(error);
    });
    connect(m_worker, &MigrationWorker::stepStarted, this, &MigrationController::stepStarted);
    connect(m_worker, &MigrationWorker::stepFinished, this, &MigrationController::stepFinished);
    connect(m_worker, &MigrationWorker::logLine, this, &MigrationController::logLine);
    connect(m_worker, &MigrationWorker::finished, this, &MigrationController::onRunFinished);
    connect(m_worker, &MigrationWorker::journalRead, this, &MigrationController::journalRead);
    connect(m_worker, &MigrationWorker::journalFailed, this, &MigrationController::journalFailed);
    connect(m_worker, &MigrationWorker::backupTaken, this, [this](const BackupOutcome &outcome) {
        setBusy(false);
        emit backupTaken(outcome);
    });
    connect(m_worker, &MigrationWorker::backupInspected, this, &MigrationController::onBackupInspected);
    connect(m_worker, &MigrationWorker::restored, this, [this](const RestoreOutcome &outcome) {
        setBusy(false);
        emit restored(outcome);
    });
    connect(m_worker, &MigrationWorker::merged, this, [this](const MergeOutcome &outcome) {
        setBusy(false);
        emit merged(outcome);
    });
    connect(m_worker, &MigrationWorker::taskFailed, this, [this](const RunError &error) {
        setBusy(false);
        emit taskFailed(error);
    });
    m_thread.start();
}

MigrationController::~MigrationController()
{
    m_worker->requestCancel();
    // The session's connection must close in the thread that opened it.
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker] { worker->closeSession(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete m_worker;
}

void MigrationController::open(std::shared_ptr<const ProjectSnapshot> project, const QString &urlOption,
                               const QString &workingDirectory)
{
    m_project = project;
    m_urlOption = urlOption;
    m_workingDirectory = workingDirectory;
    m_connected = false;
    m_dialect.reset();
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, project, urlOption, workingDirectory] {
        worker->openSession(project, urlOption, workingDirectory);
    });
}

void MigrationController::refresh()
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker] { worker->readState(); });
}

void MigrationController::request(const MigrationRequest &request)
{
    if (m_busy)
        return;
    setBusy(true);
    qCDebug(lcUi) << "planning" << request.verb() << request.targets;
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, request] { worker->plan(request); });
}

void MigrationController::cancel()
{
    m_worker->requestCancel();
}

void MigrationController::onPlanned(const ReviewedPlan &reviewed)
{
    const PlanReview &review = reviewed.review;
    const Plan &plan = reviewed.plan;
    const bool confirmed = !review.isEmpty()
        && (m_rehearsingConfirmer ? m_rehearsingConfirmer(review, rehearserFor(plan))
                                  : m_confirmer && m_confirmer(review));
    if (!confirmed) {
        if (review.isEmpty())
            emit logLine(tr("Nothing to do: the database is already at %1")
                             .arg(plan.headsAfter.isEmpty() ? tr("base") : plan.headsAfter.join(QStringLiteral(", "))));
        setBusy(false);
        emit declined();
        return;
    }
    qCDebug(lcUi) << "confirmed:" << review.title << "from" << plan.databaseHeads;
    emit runStarted(review);
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, plan] { worker->run(plan); });
}

MigrationController::Rehearser MigrationController::rehearserFor(const Plan &plan) const
{
    if (!m_project || plan.request.kind == MigrationRequest::Kind::Stamp)
        return {};
    RehearseOptions options;
    options.target = plan.request.targets.value(0);
    options.urlOption = m_urlOption;
    options.workingDirectory = m_workingDirectory;
    return [project = m_project, options](const std::atomic<bool> &cancel) {
        CancelFlagObserver observer(cancel);
        return rehearseCommand(*project, options, observer);
    };
}

bool MigrationController::replansAfter(const RunOutcome &outcome)
{
    return outcome.error && outcome.error->kind == ErrorKind::PlanStale && outcome.stepsApplied == 0;
}

void MigrationController::onRunFinished(const RunOutcome &outcome)
{
    const bool replan = replansAfter(outcome);
    if (!replan)
        setBusy(false);
    emit runFinished(outcome);
    readJournal();
    if (!replan)
        return;
    qCDebug(lcUi) << "stale plan, planning again:" << outcome.error->message;
    emit logLine(tr("Not run: %1. Planning again.").arg(outcome.error->message));
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, request = outcome.plan.request] { worker->plan(request); });
}

void MigrationController::backupNow()
{
    if (m_busy)
        return;
    setBusy(true);
    emit taskStarted(tr("Backing up %1").arg(m_displayUrl));
    QMetaObject::invokeMethod(m_worker, [worker = m_worker] { worker->backupNow(); });
}

void MigrationController::restore(const QString &file)
{
    if (m_busy)
        return;
    setBusy(true);
    emit taskStarted(tr("Checking %1").arg(file));
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, file] { worker->inspectBackup(file); });
}

void MigrationController::merge(const MergeRequest &request, const QString &workingDirectory)
{
    if (m_busy || !m_project)
        return;
    setBusy(true);
    emit taskStarted(tr("Merging %1").arg(request.revisions.join(QStringLiteral(", "))));
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, project = m_project, request, workingDirectory] {
        worker->merge(project, request, workingDirectory);
    });
}

void MigrationController::onBackupInspected(const BackupInfo &backup)
{
    if (!m_restoreConfirmer || !m_restoreConfirmer(backup, m_displayUrl)) {
        setBusy(false);
        emit declined();
        return;
    }
    emit taskStarted(tr("Restoring %1").arg(backup.path));
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, path = backup.path] { worker->restoreBackup(path); });
}

void MigrationController::readJournal()
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker] { worker->readJournal(); });
}

void MigrationController::setBusy(bool busy)
{
    if (busy == m_busy)
        return;
    m_busy = busy;
    emit busyChanged(busy);
}

} // namespace retort::ui
