#include "RevisionFilterProxy.h"

#include "RevisionGraphModel.h"

namespace retort::ui {

RevisionFilterProxy::RevisionFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(false);
    // Any change of the visible rows invalidates the filtered layout.
    connect(this, &QAbstractItemModel::modelReset, this, &RevisionFilterProxy::dropLayout);
    connect(this, &QAbstractItemModel::layoutChanged, this, &RevisionFilterProxy::dropLayout);
    connect(this, &QAbstractItemModel::rowsInserted, this, &RevisionFilterProxy::dropLayout);
    connect(this, &QAbstractItemModel::rowsRemoved, this, &RevisionFilterProxy::dropLayout);
}

void RevisionFilterProxy::setSourceModel(QAbstractItemModel *model)
{
    m_graph = qobject_cast<RevisionGraphModel *>(model);
    dropLayout();
    QSortFilterProxyModel::setSourceModel(model);
}

void RevisionFilterProxy::setFilterText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    dropLayout();
    invalidateRowsFilter();
}

bool RevisionFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_text.isEmpty())
        return true;
    if (m_graph && !sourceParent.isValid())
        return m_graph->matches(sourceRow, m_text);
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const QStringList fields = index.data(RevisionGraphModel::SearchTextRole).toStringList();
    if (fields.size() < 3)
        return false;
    return fields.at(0).startsWith(m_text, Qt::CaseInsensitive) || fields.at(1).contains(m_text, Qt::CaseInsensitive)
        || fields.at(2).contains(m_text, Qt::CaseInsensitive);
}

const FilteredLayout *RevisionFilterProxy::filteredLayout() const
{
    if (!m_graph || !isFiltering())
        return nullptr;
    if (!m_layoutValid) {
        std::vector<int> visible;
        const int rows = rowCount();
        visible.reserve(size_t(rows));
        for (int row = 0; row < rows; ++row)
            visible.push_back(mapToSource(index(row, 0)).row());
        m_layout = FilteredLayout::compute(m_graph->layoutNodes(), visible);
        m_layoutValid = true;
    }
    return &m_layout;
}

int RevisionFilterProxy::maxLaneCount() const
{
    if (const FilteredLayout *layout = filteredLayout())
        return layout->maxLaneCount;
    return m_graph ? m_graph->maxLaneCount() : 0;
}

QVariant RevisionFilterProxy::data(const QModelIndex &index, int role) const
{
    if (role == RevisionGraphModel::LaneRowRole || role == RevisionGraphModel::SkippingSegmentsRole) {
        if (const FilteredLayout *layout = filteredLayout()) {
            if (!index.isValid() || index.row() >= layout->rows.size())
                return {};
            if (role == RevisionGraphModel::LaneRowRole)
                return QVariant::fromValue(layout->rows.at(index.row()));
            return QVariant::fromValue(layout->skipping.at(index.row()));
        }
    }
    return QSortFilterProxyModel::data(index, role);
}

} // namespace retort::ui
