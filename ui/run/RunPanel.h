#pragma once

#include "Expected.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace retort::ui {

class MigrationController;

// Where a run shows itself: a progress bar with Cancel while it runs, and the log with a
// timestamp per line, which can be copied or saved.
class RunPanel : public QWidget
{
    Q_OBJECT

public:
    explicit RunPanel(QWidget *parent = nullptr);

    // Shows the controller's runs and tasks (progress, steps, log lines, outcomes) and cancels
    // through it. Failures are left to the window, which also points at the failing line.
    void follow(MigrationController *controller);

    void appendLog(const QString &line);
    QString logText() const;
    Fallible<void> saveLog(const QString &path) const;
    void copyLog() const;

    // A run of `count` steps starts; count 0 shows a busy bar (a backup or restore).
    void startRun(const QString &title, int count);
    void stepStarted(int index, int count, const QString &name);
    void stepFinished(int index);
    // A backup's or restore's progress (see MigrationController::transferProgressed).
    void showTransfer(int stage, int unit, qint64 done, qint64 total);
    // Cancel is offered while a cancellable run is busy; the bar hides when nothing is.
    void setBusy(bool busy, bool cancellable = true);

    QProgressBar *progressBar() const { return m_progress; }
    QPushButton *cancelButton() const { return m_cancel; }

signals:
    void cancelRequested();
    void runShown(); // a run or task started showing its progress

private:
    void saveLogDialog();

    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancel = nullptr;
    bool m_stepwise = true; // a run cancels between steps, a backup or restore at once
    QPlainTextEdit *m_log = nullptr;
};

} // namespace retort::ui
