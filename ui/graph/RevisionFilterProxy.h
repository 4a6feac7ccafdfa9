#pragma once

#include "layout/FilteredLayout.h"

#include <QSortFilterProxyModel>

namespace retort::ui {

class RevisionGraphModel;

// Filters the revision graph by text: a row stays when its id starts with the text, or its
// message or one of its branch labels contains it (case-insensitive). Keeps history order.
// While filtering over a RevisionGraphModel, the visible rows get a lane layout of their own
// (FilteredLayout): LaneRowRole answers with it, and SkippingSegmentsRole says which segments
// pass hidden revisions. The layout is computed on first use after each change.
class RevisionFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit RevisionFilterProxy(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model) override;
    void setFilterText(const QString &text);
    QString filterText() const { return m_text; }
    bool isFiltering() const { return !m_text.isEmpty(); }
    // Widest row of what is shown: the filtered layout while filtering, else the source's.
    int maxLaneCount() const;

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    const FilteredLayout *filteredLayout() const;
    void dropLayout() { m_layoutValid = false; }

    QString m_text;
    RevisionGraphModel *m_graph = nullptr;
    mutable FilteredLayout m_layout;
    mutable bool m_layoutValid = false;
};

} // namespace retort::ui
