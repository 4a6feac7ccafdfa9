#pragma once

#include <QDialog>

namespace retort {
struct BackupInfo;
struct PlanReview;
} // namespace retort

namespace retort::ui {

// Asks before a run: the steps in order, highlighted the statements that can lose data, the
// version table's change and the automatic backup. Also asks before a restore.
class ConfirmationDialog : public QDialog
{
    Q_OBJECT

public:
    ConfirmationDialog(const PlanReview &review, QWidget *parent = nullptr);

    static bool confirm(const PlanReview &review, QWidget *parent);

    // The restore question: the backup's file, time, heads, size and (masked) URL, and that the
    // current database is replaced.
    static QString restoreText(const BackupInfo &backup, const QString &currentUrl);
    static bool confirmRestore(const BackupInfo &backup, const QString &currentUrl, QWidget *parent);
};

} // namespace retort::ui
