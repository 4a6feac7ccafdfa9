#pragma once

#include "schema/SchemaChange.h"

#include <QWidget>

class QLabel;
class QTreeWidget;

namespace retort::ui {

// What the selected revision changes against its parent(s): one row per change (kind, table,
// name, before, after), drops and type changes marked as destructive.
class SchemaChangesView : public QWidget
{
    Q_OBJECT

public:
    explicit SchemaChangesView(QWidget *parent = nullptr);

    void setChanges(const SchemaChanges &changes, const QString &caption);
    void setUnavailable(const QString &reason);

    QTreeWidget *tree() const { return m_tree; }
    QString caption() const;
    // Rows marked destructive, for tests.
    int destructiveCount() const;

    // The marker role: true on rows of destructive changes.
    static constexpr int DestructiveRole = Qt::UserRole + 1;

private:
    QLabel *m_caption = nullptr;
    QTreeWidget *m_tree = nullptr;
};

} // namespace retort::ui
