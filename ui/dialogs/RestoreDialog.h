#pragma once

#include "backup/BackupPolicy.h"

#include <QDialog>

class QListWidget;

namespace retort::ui {

// Chooses the backup to restore: the project's backups newest first (time, heads, size), or any
// file through Browse…, which opens in the project's backup folder.
class RestoreDialog : public QDialog
{
    Q_OBJECT

public:
    RestoreDialog(const BackupPolicy &policy, QWidget *parent = nullptr);

    QString selectedFile() const { return m_file; }

    // The chosen backup file; empty when the person cancelled.
    static QString chooseBackup(const BackupPolicy &policy, QWidget *parent);

private:
    void browse();

    BackupPolicy m_policy;
    QListWidget *m_list = nullptr;
    QString m_file;
};

} // namespace retort::ui
