#include "RevisionFilterProxy.h"

#include "RevisionGraphModel.h"

namespace retort::ui {

RevisionFilterProxy::RevisionFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(false);
}

void RevisionFilterProxy::setFilterText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    invalidateFilter();
}

bool RevisionFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_text.isEmpty())
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const QStringList fields = index.data(RevisionGraphModel::SearchTextRole).toStringList();
    if (fields.size() < 3)
        return false;
    return fields.at(0).startsWith(m_text, Qt::CaseInsensitive)
           || fields.at(1).contains(m_text, Qt::CaseInsensitive)
           || fields.at(2).contains(m_text, Qt::CaseInsensitive);
}

} // namespace retort::ui
