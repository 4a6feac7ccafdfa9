#pragma once

#include <QColor>
#include <QList>
#include <QStyledItemDelegate>

namespace retort::ui {

// Paints the graph column (lanes, edges, nodes) and the labels column (badges) of a
// RevisionGraphModel, directly or through a proxy. Parent edges are solid, depends_on edges
// dashed, edges that skip filtered-out rows dotted; merge points are diamonds, branch points rings; applied revisions are filled green,
// the version table's rows (current) orange, pending ones hollow.
class RevisionGraphDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    static constexpr int LaneWidth = 16;
    static constexpr int Margin = 6; // room for the current revision's ring

    explicit RevisionGraphDelegate(QObject *parent = nullptr);

    // While the view is filtered, rows are no longer adjacent: only nodes are drawn, unless the
    // model lays out its visible rows itself (RevisionFilterProxy: SkippingSegmentsRole), in which
    // case edges are drawn and those passing hidden revisions are dotted and faded.
    void setNodesOnly(bool nodesOnly) { m_nodesOnly = nodesOnly; }

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    static QColor laneColor(int lane);
    // The graph column's width for this many lanes, at most `cap` pixels (but room for eight
    // lanes however small the cap): past it the message keeps its room, and the column can
    // still be dragged wider (the view then scrolls).
    static int graphColumnWidth(int lanes, int cap);

    // The badges the labels column shows for a row, left to right: current, head, base, branch
    // labels, the downgrade check, the worst lint severity with the findings' count.
    struct Badge
    {
        QString text;
        QColor color;
    };
    static QList<Badge> badges(const QModelIndex &index);

protected:
    // Long revision ids ("171_merge_kafka_heads") lose their middle, not their end, where two
    // ids of a branch usually differ; the tooltip has them whole.
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    void paintBackground(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const;
    void paintGraph(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const;
    void paintBadges(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const;

    bool m_nodesOnly = false;
};

} // namespace retort::ui
