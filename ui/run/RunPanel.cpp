#include "RunPanel.h"

#include "MigrationController.h"
#include "icons/ActionIcons.h"
#include "run/RunSummary.h"
#include "run/StepDescription.h"
#include "run/TransferText.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QTime>
#include <QVBoxLayout>

#include <algorithm>

namespace retort::ui {

RunPanel::RunPanel(QWidget *parent)
    : QWidget(parent)
{
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("runProgress"));
    m_progress->setTextVisible(true);
    m_progress->setVisible(false);
    m_progress->setMinimumWidth(280);

    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("cancelRun"));
    m_cancel->setToolTip(tr("Stop after the step that is running (a step in flight always finishes or rolls back)"));
    m_cancel->setVisible(false);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_cancel->setEnabled(false);
        appendLog(m_stepwise ? tr("Cancelling after the current step…") : tr("Cancelling…"));
        emit cancelRequested();
    });

    auto *copy = new QPushButton(tr("Copy"), this);
    copy->setObjectName(QStringLiteral("copyLog"));
    copy->setToolTip(tr("Copy the whole log to the clipboard"));
    copy->setIcon(ActionIcons::icon(QStringLiteral("copyWholeLog")));
    connect(copy, &QPushButton::clicked, this, &RunPanel::copyLog);
    auto *save = new QPushButton(tr("Save Log…"), this);
    save->setObjectName(QStringLiteral("saveLog"));
    save->setIcon(ActionIcons::icon(QStringLiteral("saveLog")));
    connect(save, &QPushButton::clicked, this, &RunPanel::saveLogDialog);

    m_log = new QPlainTextEdit(this);
    m_log->setObjectName(QStringLiteral("log"));
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(5000);
    // The standard menu already copies a selection; add the whole-log commands to it.
    m_log->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_log, &QWidget::customContextMenuRequested, this, [this](const QPoint &position) {
        QMenu *menu = m_log->createStandardContextMenu(position);
        menu->addSeparator();
        menu->addAction(ActionIcons::icon(QStringLiteral("copyWholeLog")), tr("Copy Whole Log"), this,
                        &RunPanel::copyLog);
        menu->addAction(ActionIcons::icon(QStringLiteral("saveLog")), tr("Save Log…"), this, &RunPanel::saveLogDialog);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(m_log->viewport()->mapToGlobal(position));
    });

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_progress, 1);
    bar->addWidget(m_cancel);
    bar->addStretch();
    bar->addWidget(copy);
    bar->addWidget(save);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_log);
}

void RunPanel::follow(MigrationController *controller)
{
    connect(this, &RunPanel::cancelRequested, controller, &MigrationController::cancel);
    connect(controller, &MigrationController::busyChanged, this, [this](bool busy) {
        if (!busy)
            setBusy(false);
    });
    connect(controller, &MigrationController::runStarted, this, [this](const PlanReview &review) {
        appendLog(review.title);
        appendLog(review.versionChange);
        startRun(review.title, int(review.steps.size()));
        m_stepwise = true;
        m_cancel->setToolTip(
            tr("Stop after the step that is running (a step in flight always finishes or rolls back)"));
        setBusy(true, true);
        emit runShown();
    });
    connect(controller, &MigrationController::taskStarted, this, [this](const QString &title, bool cancellable) {
        appendLog(title);
        startRun(title, 0);
        m_stepwise = false;
        m_cancel->setToolTip(tr("Stop now: nothing is kept, and the database stays as it was"));
        setBusy(true, cancellable);
        emit runShown();
    });
    connect(controller, &MigrationController::transferProgressed, this, &RunPanel::showTransfer);
    connect(controller, &MigrationController::taskCancelled, this,
            [this](const QString &message) { appendLog(tr("Cancelled: %1").arg(message)); });
    connect(controller, &MigrationController::stepStarted, this, [this](int index, int count, const PlanStep &step) {
        stepStarted(index, count,
                    step.revision.isEmpty() ? step.toRevisions.join(QStringLiteral(", ")) : step.revision);
        appendLog(tr("Running %1").arg(describeStep(step)));
    });
    connect(controller, &MigrationController::stepFinished, this,
            [this](int index, int, const PlanStep &step, qint64 elapsedMs) {
                stepFinished(index);
                appendLog(tr("Done %1 (%2 ms)").arg(describeStep(step)).arg(elapsedMs));
            });
    connect(controller, &MigrationController::logLine, this, &RunPanel::appendLog);
    connect(controller, &MigrationController::runFinished, this, [this](const RunOutcome &outcome) {
        const QString summary = runSummary(outcome.plan, outcome.stepsApplied);
        if (outcome.cancelled)
            appendLog(summary.isEmpty() ? tr("Cancelled before any step")
                                        : tr("Cancelled: %1; the rest did not run").arg(summary));
        else if (!outcome.error)
            appendLog(summary.isEmpty() ? tr("Finished: nothing to do") : tr("Finished: %1").arg(summary));
    });
    connect(controller, &MigrationController::backupTaken, this, [this](const BackupOutcome &outcome) {
        appendLog(tr("Backed up %1 to %2 (%3 bytes)").arg(outcome.info.url, outcome.info.path).arg(outcome.info.size));
        for (const QString &removed : outcome.pruned)
            appendLog(tr("Removed old backup %1").arg(removed));
    });
    connect(controller, &MigrationController::restored, this, [this](const RestoreOutcome &outcome) {
        appendLog(tr("Restored %1; the database is at %2")
                      .arg(outcome.info.path,
                           outcome.headsAfter.isEmpty() ? tr("base") : outcome.headsAfter.join(QStringLiteral(", "))));
    });
    connect(controller, &MigrationController::merged, this, [this](const MergeOutcome &outcome) {
        appendLog(tr("Wrote merge revision %1 (%2) with parents %3")
                      .arg(outcome.revision, outcome.path, outcome.parents.join(QStringLiteral(", "))));
    });
}

void RunPanel::appendLog(const QString &line)
{
    m_log->appendPlainText(QTime::currentTime().toString(QStringLiteral("HH:mm:ss.zzz ")) + line);
}

QString RunPanel::logText() const
{
    return m_log->toPlainText();
}

void RunPanel::copyLog() const
{
    QApplication::clipboard()->setText(logText());
}

Fallible<void> RunPanel::saveLog(const QString &path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
        return Failure{file.errorString()};
    file.write(logText().toUtf8() + '\n');
    if (!file.commit())
        return Failure{file.errorString()};
    return {};
}

void RunPanel::saveLogDialog()
{
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save Log"), QStringLiteral("retort.log"), tr("Log files (*.log *.txt)"));
    if (path.isEmpty())
        return;
    if (const auto saved = saveLog(path); !saved.ok())
        QMessageBox::warning(this, tr("Save Log"), tr("Cannot write %1: %2").arg(path, saved.error().message));
}

void RunPanel::startRun(const QString &title, int count)
{
    m_progress->setRange(0, count);
    m_progress->setValue(0);
    m_progress->setFormat(count > 0 ? tr("%v of %m") : title);
    m_progress->setVisible(true);
}

void RunPanel::stepStarted(int index, int count, const QString &name)
{
    m_progress->setRange(0, count);
    m_progress->setValue(index);
    m_progress->setFormat(tr("step %1 of %2: %3").arg(index + 1).arg(count).arg(name));
}

void RunPanel::showTransfer(int stage, int unit, qint64 done, qint64 total)
{
    // Per mille: byte counts overflow the bar's int range.
    m_progress->setRange(0, total > 0 ? 1000 : 0);
    if (total > 0)
        m_progress->setValue(int(std::min<qint64>(1000, done * 1000 / total)));
    QString text = transferText(TransferProgress::Stage(stage), TransferProgress::Unit(unit), done, total);
    m_progress->setFormat(text.replace(u'%', QStringLiteral("%%")));
}

void RunPanel::stepFinished(int index)
{
    m_progress->setValue(index + 1);
}

void RunPanel::setBusy(bool busy, bool cancellable)
{
    m_cancel->setVisible(busy && cancellable);
    m_cancel->setEnabled(busy && cancellable);
    if (!busy)
        m_progress->setVisible(false);
}

} // namespace retort::ui
