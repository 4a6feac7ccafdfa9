#include "RevisionGraphModel.h"

#include <QColor>

#include "graph/History.h"
#include "layout/LaneLayout.h"

#include <algorithm>
#include <numeric>

namespace retort::ui {

RevisionGraphModel::RevisionGraphModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void RevisionGraphModel::setSnapshot(std::shared_ptr<const ProjectSnapshot> snapshot)
{
    beginResetModel();
    m_snapshot = std::move(snapshot);
    m_order.clear();
    m_rowOf.clear();
    m_nodes.clear();
    m_lanes.clear();
    m_maxLanes = 0;
    m_verifications.clear();
    m_lint.clear();
    if (m_snapshot) {
        const RevisionMap &map = m_snapshot->map();
        const Result<RevIndexes> history = History(map).all();
        if (history && int(history->size()) == map.size()) {
            m_order = *history;
        } else {
            // A graph Alembic cannot walk (a cycle): show every revision, newest file last.
            m_order.resize(size_t(map.size()));
            std::iota(m_order.rbegin(), m_order.rend(), 0);
            if (history) {
                // Walkable part first, in history order, the rest after it.
                std::vector<char> seen(size_t(map.size()), 0);
                std::vector<int> order = *history;
                for (int i : order)
                    seen[size_t(i)] = 1;
                for (int i = map.size() - 1; i >= 0; --i) {
                    if (!seen[size_t(i)])
                        order.push_back(i);
                }
                m_order = std::move(order);
            }
        }
        m_rowOf.assign(size_t(map.size()), -1);
        for (size_t row = 0; row < m_order.size(); ++row)
            m_rowOf[size_t(m_order[row])] = int(row);

        QList<LayoutNode> &nodes = m_nodes;
        nodes.reserve(qsizetype(m_order.size()));
        for (int revIndex : m_order) {
            LayoutNode node;
            node.id = map.id(revIndex);
            for (int parent : map.downRevisions(revIndex))
                node.parents.append(m_rowOf[size_t(parent)]);
            for (int dependency : map.dependencies(revIndex))
                node.dependencies.append(m_rowOf[size_t(dependency)]);
            nodes.append(std::move(node));
        }
        m_lanes = LaneLayout::compute(nodes);
        m_maxLanes = LaneLayout::maxLaneCount(m_lanes);
    }
    const size_t size = m_snapshot ? size_t(m_snapshot->map().size()) : 0;
    m_applied.assign(size, 0);
    m_current.assign(size, 0);
    m_databaseHeads.clear();
    m_hasDatabaseState = false;
    endResetModel();
}

void RevisionGraphModel::setDatabaseHeads(const QStringList &heads)
{
    if (!m_snapshot)
        return;
    const RevisionMap &map = m_snapshot->map();
    RevIndexes targets;
    m_current.assign(size_t(map.size()), 0);
    for (const QString &head : heads) {
        const RevIndex i = map.indexOf(head);
        if (i >= 0) {
            targets.push_back(i);
            m_current[size_t(i)] = 1;
        }
    }
    m_applied = map.ancestors(targets, RevisionMap::Edges::All);
    m_databaseHeads = heads;
    m_hasDatabaseState = true;
    if (!m_order.empty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {StateRole, Qt::ToolTipRole});
}

void RevisionGraphModel::setChangeSummaries(QHash<QString, ChangeSummary> summaries)
{
    m_changes = std::move(summaries);
    if (!m_order.empty())
        emit dataChanged(index(0, ChangesColumn), index(rowCount() - 1, ChangesColumn),
                         {Qt::DisplayRole, Qt::ToolTipRole, Qt::ForegroundRole, DestructiveChangeRole});
}

void RevisionGraphModel::addVerifications(const QHash<QString, Verification> &verifications)
{
    for (auto it = verifications.cbegin(); it != verifications.cend(); ++it)
        m_verifications.insert(it.key(), it.value());
    if (!m_order.empty())
        emit dataChanged(index(0, LabelsColumn), index(rowCount() - 1, LabelsColumn),
                         {VerificationRole, Qt::ToolTipRole});
}

void RevisionGraphModel::setLintFindings(const QHash<QString, LintFindings> &findings)
{
    m_lint.clear();
    for (auto it = findings.cbegin(); it != findings.cend(); ++it) {
        if (const auto worst = worstSeverity(it.value()))
            m_lint.insert(it.key(), {*worst, int(it.value().size())});
    }
    if (!m_order.empty())
        emit dataChanged(index(0, LabelsColumn), index(rowCount() - 1, LabelsColumn), {LintRole, LintCountRole});
}

void RevisionGraphModel::clearDatabaseState()
{
    std::fill(m_applied.begin(), m_applied.end(), 0);
    std::fill(m_current.begin(), m_current.end(), 0);
    m_databaseHeads.clear();
    m_hasDatabaseState = false;
    if (!m_order.empty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {StateRole, Qt::ToolTipRole});
}

int RevisionGraphModel::rowOfRevision(const QString &id) const
{
    if (!m_snapshot)
        return -1;
    const RevIndex i = m_snapshot->map().indexOf(id);
    return i < 0 ? -1 : m_rowOf[size_t(i)];
}

RevisionGraphModel::State RevisionGraphModel::state(int row) const
{
    const size_t revIndex = size_t(m_order.at(size_t(row)));
    if (m_current[revIndex])
        return State::Current;
    return m_applied[revIndex] ? State::Applied : State::Pending;
}

int RevisionGraphModel::pendingCount() const
{
    return int(std::count(m_applied.begin(), m_applied.end(), 0));
}

bool RevisionGraphModel::matches(int row, const QString &text) const
{
    if (row < 0 || size_t(row) >= m_order.size())
        return false;
    const Revision &revision = m_snapshot->map().revision(m_order[size_t(row)]);
    if (revision.id.startsWith(text, Qt::CaseInsensitive) || revision.message.contains(text, Qt::CaseInsensitive))
        return true;
    if (text.contains(QLatin1Char(' '))) // may span two labels, as in SearchTextRole
        return revision.branchLabels.join(QLatin1Char(' ')).contains(text, Qt::CaseInsensitive);
    return std::any_of(revision.branchLabels.cbegin(), revision.branchLabels.cend(),
                       [&](const QString &label) { return label.contains(text, Qt::CaseInsensitive); });
}

int RevisionGraphModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_order.size());
}

int RevisionGraphModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString RevisionGraphModel::shortId(const QString &id)
{
    // Alembic's 12 hex digits stay whole; a long hand-made id ("171_merge_kafka_and_billing")
    // keeps its start and its end, where ids of one branch usually differ.
    if (id.size() <= 20)
        return id;
    return id.left(9) + QChar(0x2026) + id.right(8);
}

QString RevisionGraphModel::labelsText(int revIndex) const
{
    const RevisionMap &map = m_snapshot->map();
    QStringList parts;
    if (map.isHead(revIndex))
        parts.append(QStringLiteral("head"));
    if (map.isBase(revIndex))
        parts.append(QStringLiteral("base"));
    parts.append(map.revision(revIndex).branchLabels);
    return parts.join(QStringLiteral(", "));
}

QVariant RevisionGraphModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !m_snapshot || index.row() >= rowCount())
        return {};
    const int row = index.row();
    const int revIndex = m_order[size_t(row)];
    const RevisionMap &map = m_snapshot->map();
    const Revision &revision = map.revision(revIndex);

    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case IdColumn:
            return revision.id; // the delegate elides it in the middle to the column's width
        case MessageColumn:
            return revision.message;
        case DateColumn:
            return revision.createDate.left(16);
        case LabelsColumn:
            return labelsText(revIndex);
        case ChangesColumn:
            return m_changes.value(revision.id).text;
        default:
            return {};
        }
    case Qt::ForegroundRole:
        if (index.column() == ChangesColumn && m_changes.value(revision.id).destructive)
            return QColor(0xc6, 0x28, 0x28); // drops stand out: they are where data is lost
        return {};
    case DestructiveChangeRole:
        return m_changes.value(revision.id).destructive;
    case VerificationRole:
        return m_verifications.value(revision.id).problem;
    case LintRole: {
        const auto found = m_lint.constFind(revision.id);
        return found == m_lint.constEnd() ? QString() : lintSeverityName(found->first);
    }
    case LintCountRole:
        return m_lint.value(revision.id).second;
    case Qt::ToolTipRole: {
        if (index.column() == ChangesColumn) {
            const auto found = m_changes.constFind(revision.id);
            if (found != m_changes.constEnd() && !found->details.isEmpty())
                return found->details;
        }
        if (index.column() == LabelsColumn) {
            const auto found = m_verifications.constFind(revision.id);
            if (found != m_verifications.constEnd())
                return found->details;
        }
        const State s = state(row);
        const QString stateText = !m_hasDatabaseState ? tr("database not read")
            : s == State::Current                     ? tr("current (in the version table)")
            : s == State::Applied                     ? tr("applied")
                                                      : tr("pending");
        return QStringLiteral("%1\n%2\n%3").arg(revision.id, revision.message, stateText);
    }
    case LaneRowRole:
        return QVariant::fromValue(m_lanes.at(row));
    case StateRole:
        return int(state(row));
    case RevisionIdRole:
        return revision.id;
    case RevisionIndexRole:
        return revIndex;
    case IsMergePointRole:
        return map.isMergePoint(revIndex);
    case IsBranchPointRole:
        return map.isBranchPoint(revIndex);
    case IsHeadRole:
        return map.isHead(revIndex);
    case IsBaseRole:
        return map.isBase(revIndex);
    case BranchLabelsRole:
        return revision.branchLabels;
    case SearchTextRole:
        return QStringList{revision.id, revision.message, revision.branchLabels.join(QLatin1Char(' '))};
    default:
        return {};
    }
}

QVariant RevisionGraphModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case GraphColumn:
        return tr("Graph");
    case IdColumn:
        return tr("Revision");
    case MessageColumn:
        return tr("Message");
    case DateColumn:
        return tr("Date");
    case LabelsColumn:
        return tr("Labels");
    case ChangesColumn:
        return tr("Changes");
    default:
        return {};
    }
}

} // namespace retort::ui
