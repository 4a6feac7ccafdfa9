#include "MigrationWorker.h"

#include "QueuedRunObserver.h"
#include "QueuedTransferProgress.h"

#include <QCoreApplication>
#include <QProcessEnvironment>

namespace retort::ui {

namespace {

RunError noSession()
{
    return RunError::make(
        ErrorKind::NotConnected,
        QCoreApplication::translate("MigrationWorker", "No database is connected; choose a database URL first."));
}

} // namespace

template <typename Value>
void MigrationWorker::report(const RunResult<Value> &result, void (MigrationWorker::*done)(const Value &),
                             void (MigrationWorker::*failed)(const RunError &))
{
    if (const auto *error = result.failure())
        emit(this->*failed)(*error);
    else
        emit(this->*done)(result.value());
}

MigrationWorker::MigrationWorker(QObject *parent)
    : QObject(parent)
{
}

MigrationWorker::~MigrationWorker() = default;

void MigrationWorker::openSession(std::shared_ptr<const ProjectSnapshot> project, const QString &urlOption,
                                  const QString &workingDirectory)
{
    m_session.reset();
    auto opened = DatabaseSession::open(std::move(project), urlOption, QProcessEnvironment::systemEnvironment(),
                                        workingDirectory);
    if (auto *error = opened.failure()) {
        emit sessionFailed(*error);
        return;
    }
    m_session = std::move(opened).value();
    emit sessionOpened(m_session->target().displayUrl(), int(m_session->target().url.sqlDialect()));
    readState();
}

void MigrationWorker::closeSession()
{
    m_session.reset();
}

void MigrationWorker::readState()
{
    if (!m_session) {
        emit stateFailed(noSession());
        return;
    }
    report(currentCommand(*m_session), &MigrationWorker::stateRead, &MigrationWorker::stateFailed);
}

void MigrationWorker::plan(const MigrationRequest &request)
{
    if (!m_session) {
        emit planFailed(request, noSession());
        return;
    }
    auto planned = planCommand(*m_session, request);
    if (auto *error = planned.failure())
        emit planFailed(request, *error);
    else
        emit this->planned(planned.value());
}

void MigrationWorker::run(const Plan &plan)
{
    if (!m_session) {
        RunOutcome outcome;
        outcome.error = noSession();
        emit finished(outcome);
        return;
    }
    QueuedRunObserver observer(*this);
    // The plan the person confirmed runs as it is, or not at all (PlanStale).
    const RunOutcome outcome =
        migrateCommand(*m_session, plan, observer, {std::chrono::seconds(10), StalePlan::Refuse});
    emit finished(outcome);
    readState();
}

void MigrationWorker::readJournal()
{
    if (!m_session) {
        emit journalFailed(noSession());
        return;
    }
    report(journalCommand(*m_session), &MigrationWorker::journalRead, &MigrationWorker::journalFailed);
}

void MigrationWorker::reportStateAfterStep(const PlanStep &step)
{
    if (!m_session)
        return;
    // A Python step reports while the project's Alembic process may still hold the database;
    // its rows are known from the plan, and the table is read once the run is over.
    const RevIndex index = m_session->project().map().indexOf(step.revision);
    const bool native =
        step.stamp || (index >= 0 && m_session->project().map().revision(index).format == ScriptFormat::Sql);
    if (!native) {
        emit stateRead(CurrentState{step.headsAfter, {}});
        return;
    }
    readState();
}

void MigrationWorker::backupNow()
{
    if (!m_session) {
        emit taskFailed(noSession());
        return;
    }
    QueuedTransferProgress progress(*this);
    report(backupCommand(*m_session, {}, &progress), &MigrationWorker::backupTaken);
}

void MigrationWorker::inspectBackup(const QString &file)
{
    if (!m_session) {
        emit taskFailed(noSession());
        return;
    }
    QueuedTransferProgress progress(*this);
    report(inspectBackupCommand(*m_session, file, &progress), &MigrationWorker::backupInspected);
}

void MigrationWorker::restoreBackup(const QString &file)
{
    if (!m_session) {
        emit taskFailed(noSession());
        return;
    }
    QueuedTransferProgress progress(*this);
    report(restoreCommand(*m_session, file, &progress), &MigrationWorker::restored);
    readState();
}

void MigrationWorker::merge(std::shared_ptr<const ProjectSnapshot> project, const MergeRequest &request,
                            const QString &workingDirectory)
{
    report(mergeCommand(*project, request, workingDirectory), &MigrationWorker::merged);
}

void MigrationWorker::newRevision(std::shared_ptr<const ProjectSnapshot> project, const RevisionRequest &request)
{
    report(revisionCommand(*project, request), &MigrationWorker::revisionWritten);
}

void MigrationWorker::autogenerate(std::shared_ptr<const ProjectSnapshot> project, const AutogenerateRequest &request,
                                   const QString &workingDirectory)
{
    report(autogenerateCommand(*project, request, workingDirectory), &MigrationWorker::autogenerated);
}

} // namespace retort::ui
