#pragma once

#include <QSortFilterProxyModel>

namespace retort::ui {

// Filters the revision graph by text: a row stays when its id starts with the text, or its
// message or one of its branch labels contains it (case-insensitive). Keeps history order.
class RevisionFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit RevisionFilterProxy(QObject *parent = nullptr);

    void setFilterText(const QString &text);
    QString filterText() const { return m_text; }
    bool isFiltering() const { return !m_text.isEmpty(); }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
};

} // namespace retort::ui
