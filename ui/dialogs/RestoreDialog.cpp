#include "RestoreDialog.h"

#include "command/BackupCommands.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace retort::ui {

RestoreDialog::RestoreDialog(const BackupPolicy &policy, QWidget *parent)
    : QDialog(parent)
    , m_policy(policy)
{
    setWindowTitle(tr("Restore Backup"));
    auto *layout = new QVBoxLayout(this);
    auto *where = new QLabel(tr("Backups in %1:").arg(policy.directory), this);
    where->setWordWrap(true);
    layout->addWidget(where);

    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("backups"));
    const QLocale locale;
    for (const BackupInfo &backup : listBackupsCommand(policy)) {
        const QString heads = backup.heads.isEmpty() ? tr("base") : backup.heads.join(QStringLiteral(", "));
        auto *item = new QListWidgetItem(tr("%1 · %2 · heads %3 · %4")
                                             .arg(locale.toString(backup.createdAt.toLocalTime(), QLocale::ShortFormat),
                                                  backup.database, heads, locale.formattedDataSize(backup.size)),
                                         m_list);
        item->setData(Qt::UserRole, backup.path);
        item->setToolTip(backup.path + QLatin1Char('\n') + backup.url);
    }
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
    else
        m_list->addItem(tr("(no backups yet: use Browse… to pick a file)"));
    layout->addWidget(m_list);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *browseButton = buttons->addButton(tr("Browse…"), QDialogButtonBox::ActionRole);
    QPushButton *choose = buttons->addButton(tr("Restore…"), QDialogButtonBox::AcceptRole);
    choose->setEnabled(m_list->currentItem() && !m_list->currentItem()->data(Qt::UserRole).isNull());
    connect(m_list, &QListWidget::currentItemChanged, this,
            [choose](QListWidgetItem *item) { choose->setEnabled(item && !item->data(Qt::UserRole).isNull()); });
    connect(m_list, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem *item) {
        if (item->data(Qt::UserRole).isNull())
            return;
        m_file = item->data(Qt::UserRole).toString();
        accept();
    });
    connect(browseButton, &QPushButton::clicked, this, &RestoreDialog::browse);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (QListWidgetItem *item = m_list->currentItem())
            m_file = item->data(Qt::UserRole).toString();
        if (!m_file.isEmpty())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(620, 360);
}

void RestoreDialog::browse()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Choose a Backup"), m_policy.directory,
                                                      tr("Backups (*.sqlite *.db *.dump *.backup);;All files (*)"));
    if (file.isEmpty())
        return;
    m_file = file;
    accept();
}

QString RestoreDialog::chooseBackup(const BackupPolicy &policy, QWidget *parent)
{
    RestoreDialog dialog(policy, parent);
    return dialog.exec() == QDialog::Accepted ? dialog.selectedFile() : QString();
}

} // namespace retort::ui
