#pragma once

#include "lint/LintFinding.h"
#include "run/MigrationController.h"

#include <QDialog>

#include <atomic>
#include <memory>

class QPushButton;
class QVBoxLayout;

namespace retort {
struct BackupInfo;
struct PlanReview;
} // namespace retort

namespace retort::ui {

class BackgroundJobs;
class RehearsalView;

// Asks before a run: the steps in order, highlighted the statements that can lose data, the
// lint findings of the steps (errors first), the version table's change and the automatic backup. Also asks before a restore. Given a
// rehearser, it offers "Rehearse first": the plan runs on a copy of the database in the
// background, the per-step times, the error and the schema changes appear below the plan, and
// the person then runs for real or cancels.
class ConfirmationDialog : public QDialog
{
    Q_OBJECT

public:
    ConfirmationDialog(const PlanReview &review, QWidget *parent = nullptr,
                       MigrationController::Rehearser rehearser = {});
    ~ConfirmationDialog() override;

    static bool confirm(const PlanReview &review, QWidget *parent,
                        const MigrationController::Rehearser &rehearser = {});

    QPushButton *rehearseButton() const { return m_rehearseButton; }
    QPushButton *runButton() const { return m_runButton; }
    RehearsalView *rehearsal() const { return m_rehearsal; }
    void rehearse();
    void reject() override;

    // The restore question: the backup's file, time, heads, size and (masked) URL, and that the
    // current database is replaced.
    static QString restoreText(const BackupInfo &backup, const QString &currentUrl);
    static bool confirmRestore(const BackupInfo &backup, const QString &currentUrl, QWidget *parent);

signals:
    void rehearsed(); // the rehearsal's result is shown

private:
    void addLintFindings(const LintFindings &findings, QVBoxLayout *layout);

    MigrationController::Rehearser m_rehearser;
    QPushButton *m_runButton = nullptr;
    QPushButton *m_rehearseButton = nullptr;
    RehearsalView *m_rehearsal = nullptr;
    std::shared_ptr<std::atomic<bool>> m_cancel = std::make_shared<std::atomic<bool>>(false);
    BackgroundJobs *m_jobs = nullptr;
};

} // namespace retort::ui
