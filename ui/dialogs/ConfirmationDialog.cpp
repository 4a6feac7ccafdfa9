#include "ConfirmationDialog.h"

#include "backup/BackupInfo.h"
#include "run/PlanSummary.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace retort::ui {

ConfirmationDialog::ConfirmationDialog(const PlanSummary &summary, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(summary.title());
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("These steps will run, in this order:"), this));
    auto *steps = new QListWidget(this);
    for (const PlanSummary::Step &step : summary.steps)
        steps->addItem(step.note.isEmpty() ? step.description : step.description + QStringLiteral("  — ") + step.note);
    layout->addWidget(steps);
    auto *versionChange = new QLabel(summary.versionChange, this);
    versionChange->setObjectName(QStringLiteral("versionChange"));
    versionChange->setWordWrap(true);
    layout->addWidget(versionChange);
    auto *backup = new QLabel(summary.backup.isEmpty() ? tr("No automatic backup is taken for this run.")
                                                       : summary.backup,
                              this);
    backup->setObjectName(QStringLiteral("backup"));
    backup->setWordWrap(true);
    layout->addWidget(backup);
    if (!summary.destructive.isEmpty()) {
        auto *warning = new QLabel(tr("<b>%n statement(s) can lose data:</b>", nullptr, int(summary.destructive.size())),
                                   this);
        layout->addWidget(warning);
        auto *destructive = new QListWidget(this);
        for (const PlanSummary::Destructive &item : summary.destructive) {
            auto *row = new QListWidgetItem(item.toString() + QLatin1Char('\n') + item.statement.simplified(), destructive);
            row->setForeground(QColor(0xc0, 0x39, 0x2b));
        }
        layout->addWidget(destructive);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Run"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(640, summary.destructive.isEmpty() ? 360 : 520);
}

bool ConfirmationDialog::confirm(const PlanSummary &summary, QWidget *parent)
{
    ConfirmationDialog dialog(summary, parent);
    return dialog.exec() == QDialog::Accepted;
}

QString ConfirmationDialog::restoreText(const BackupInfo &backup, const QString &currentUrl)
{
    const QLocale locale;
    return tr("<p><b>The current database %1 will be replaced</b> by this backup. Changes made since the backup "
              "are lost.</p>"
              "<table>"
              "<tr><td>File</td><td>%2</td></tr>"
              "<tr><td>Taken</td><td>%3</td></tr>"
              "<tr><td>Heads</td><td>%4</td></tr>"
              "<tr><td>Size</td><td>%5</td></tr>"
              "<tr><td>Backup of</td><td>%6</td></tr>"
              "</table>")
        .arg(currentUrl.toHtmlEscaped(), backup.path.toHtmlEscaped(),
             locale.toString(backup.createdAt.toLocalTime(), QLocale::LongFormat),
             backup.heads.isEmpty() ? tr("base (empty version table)") : backup.heads.join(QStringLiteral(", ")),
             locale.formattedDataSize(backup.size), backup.url.toHtmlEscaped());
}

bool ConfirmationDialog::confirmRestore(const BackupInfo &backup, const QString &currentUrl, QWidget *parent)
{
    QMessageBox box(QMessageBox::Warning, tr("Restore Backup"), restoreText(backup, currentUrl),
                    QMessageBox::Cancel, parent);
    box.setTextFormat(Qt::RichText);
    QPushButton *replace = box.addButton(tr("Replace Database"), QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == replace;
}

} // namespace retort::ui
