#pragma once

#include <QDialog>

namespace retort::ui {

struct PlanSummary;

// Asks before a run: the steps in order and, highlighted, the statements that can lose data.
class ConfirmationDialog : public QDialog
{
    Q_OBJECT

public:
    ConfirmationDialog(const PlanSummary &summary, QWidget *parent = nullptr);

    static bool confirm(const PlanSummary &summary, QWidget *parent);
};

} // namespace retort::ui
