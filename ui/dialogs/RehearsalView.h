#pragma once

#include "command/RehearseCommand.h"

#include <QWidget>

class QLabel;
class QTreeWidget;

namespace retort::ui {

class SchemaChangesView;

// What a rehearsal found, inside the run confirmation: each planned step with its time and
// whether it ran, the error a real run would stop at, and the schema changes on the copy.
class RehearsalView : public QWidget
{
    Q_OBJECT

public:
    explicit RehearsalView(QWidget *parent = nullptr);

    void showRunning();
    void showResult(const RunResult<Rehearsal> &result);

    QString summary() const;
    QString errorText() const;
    QTreeWidget *steps() const { return m_steps; }
    SchemaChangesView *changes() const { return m_changes; }

private:
    QLabel *m_summary = nullptr;
    QTreeWidget *m_steps = nullptr;
    QLabel *m_error = nullptr;
    SchemaChangesView *m_changes = nullptr;
};

} // namespace retort::ui
