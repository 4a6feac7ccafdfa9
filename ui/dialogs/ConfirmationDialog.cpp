#include "ConfirmationDialog.h"

#include "run/PlanSummary.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
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
    resize(640, summary.destructive.isEmpty() ? 320 : 480);
}

bool ConfirmationDialog::confirm(const PlanSummary &summary, QWidget *parent)
{
    ConfirmationDialog dialog(summary, parent);
    return dialog.exec() == QDialog::Accepted;
}

} // namespace retort::ui
