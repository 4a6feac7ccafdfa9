#pragma once

#include "schema/Schema.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QTreeWidget;

namespace retort::ui {

// The schema at the selected revision: one branch per table (columns, then keys, indexes,
// foreign keys and checks) and per view, sequence and enum. The filter keeps the tables whose
// name or any of whose items match, so "email" finds every table with such a column.
class SchemaView : public QWidget
{
    Q_OBJECT

public:
    explicit SchemaView(QWidget *parent = nullptr);

    void setSchema(const Schema &schema, const QString &caption);
    // No schema to show (not replayed yet, replay failed): `reason` says why.
    void setUnavailable(const QString &reason);
    void setFilter(const QString &text);

    QTreeWidget *tree() const { return m_tree; }
    QString caption() const;
    // The top-level rows left visible by the filter, for tests and the status line.
    int visibleTopLevelCount() const;

private:
    void applyFilter();

    QLabel *m_caption = nullptr;
    QLineEdit *m_filter = nullptr;
    QTreeWidget *m_tree = nullptr;
};

} // namespace retort::ui
