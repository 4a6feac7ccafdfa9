#include "RevisionGraphDelegate.h"

#include "RevisionGraphModel.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

#include <iterator>

namespace retort::ui {

namespace {

const QColor AppliedColor(0x2e, 0x9d, 0x4f);
const QColor CurrentColor(0xf0, 0x8c, 0x00);

double laneX(const QRect &rect, int lane)
{
    return rect.left() + RevisionGraphDelegate::Margin + RevisionGraphDelegate::LaneWidth * (lane + 0.5);
}

} // namespace

RevisionGraphDelegate::RevisionGraphDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

QColor RevisionGraphDelegate::laneColor(int lane)
{
    // Distinct hues that read on light and dark backgrounds.
    static const QColor colors[] = {QColor(0x3b, 0x82, 0xd6), QColor(0x9b, 0x59, 0xb6), QColor(0x16, 0xa0, 0x85),
                                    QColor(0xd3, 0x54, 0x00), QColor(0xc0, 0x39, 0x2b), QColor(0x7f, 0x8c, 0x8d),
                                    QColor(0x27, 0xae, 0x60), QColor(0xb7, 0x95, 0x0b)};
    return colors[lane % int(std::size(colors))];
}

void RevisionGraphDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (index.column() == RevisionGraphModel::GraphColumn) {
        paintBackground(painter, option, index);
        paintGraph(painter, option, index);
        return;
    }
    if (index.column() == RevisionGraphModel::LabelsColumn) {
        paintBackground(painter, option, index);
        paintBadges(painter, option, index);
        return;
    }
    QStyledItemDelegate::paint(painter, option, index);
}

// The cell as the style draws it (selection, hover, alternate rows), without its text.
void RevisionGraphDelegate::paintBackground(QPainter *painter, const QStyleOptionViewItem &option,
                                            const QModelIndex &index) const
{
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);
}

void RevisionGraphDelegate::paintGraph(QPainter *painter, const QStyleOptionViewItem &option,
                                       const QModelIndex &index) const
{
    const auto row = index.data(RevisionGraphModel::LaneRowRole).value<LaneRow>();
    const QRect rect = option.rect;
    const double top = rect.top();
    const double bottom = rect.bottom() + 1;
    const double middle = rect.top() + rect.height() / 2.0;

    // A filtering proxy lays out its visible rows itself (and says which edges skip hidden
    // rows); only rows without such a layout lose their edges while filtered.
    const QVariant skippingData = index.data(RevisionGraphModel::SkippingSegmentsRole);
    const QList<bool> skipping = skippingData.value<QList<bool>>();
    const bool nodesOnly = m_nodesOnly && !skippingData.isValid();

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setClipRect(rect);
    if (!nodesOnly) {
        for (qsizetype i = 0; i < row.segments.size(); ++i) {
            const LaneSegment &segment = row.segments.at(i);
            QPen pen(laneColor(segment.kind == EdgeKind::Parent ? segment.fromLane : segment.toLane), 1.6);
            if (segment.kind == EdgeKind::Dependency) {
                pen.setStyle(Qt::DashLine);
                pen.setColor(pen.color().lighter(115));
            }
            if (i < skipping.size() && skipping.at(i)) {
                // Passes hidden revisions: dotted and faded.
                pen.setStyle(Qt::DotLine);
                QColor faded = pen.color();
                faded.setAlphaF(0.55f);
                pen.setColor(faded);
            }
            painter->setPen(pen);
            QPointF from;
            QPointF to;
            switch (segment.type) {
            case LaneSegment::Type::Continuing:
                from = {laneX(rect, segment.fromLane), top};
                to = {laneX(rect, segment.toLane), bottom};
                break;
            case LaneSegment::Type::Starting:
                from = {laneX(rect, segment.fromLane), middle};
                to = {laneX(rect, segment.toLane), bottom};
                break;
            case LaneSegment::Type::Ending:
                from = {laneX(rect, segment.fromLane), top};
                to = {laneX(rect, segment.toLane), middle};
                break;
            }
            if (qFuzzyCompare(from.x(), to.x())) {
                painter->drawLine(from, to);
            } else {
                // A lane change bends smoothly instead of cutting diagonally across the row.
                QPainterPath path(from);
                const double midY = (from.y() + to.y()) / 2;
                path.cubicTo(QPointF(from.x(), midY), QPointF(to.x(), midY), to);
                painter->drawPath(path);
            }
        }
    }

    const auto state = RevisionGraphModel::State(index.data(RevisionGraphModel::StateRole).toInt());
    const bool merge = index.data(RevisionGraphModel::IsMergePointRole).toBool();
    const bool branch = index.data(RevisionGraphModel::IsBranchPointRole).toBool();
    const QPointF centre(laneX(rect, nodesOnly ? 0 : row.lane), middle);
    const double radius = state == RevisionGraphModel::State::Current ? 5.5 : 4.5;
    const QColor lane = laneColor(row.lane);
    const QColor fill = state == RevisionGraphModel::State::Current ? CurrentColor
        : state == RevisionGraphModel::State::Applied               ? AppliedColor
                                                                    : option.palette.color(QPalette::Base);
    painter->setPen(QPen(state == RevisionGraphModel::State::Pending ? lane : fill.darker(130), 1.8));
    painter->setBrush(fill);
    if (merge) {
        const double r = radius + 1.5;
        const QPointF diamond[] = {centre + QPointF(0, -r), centre + QPointF(r, 0), centre + QPointF(0, r),
                                   centre + QPointF(-r, 0)};
        painter->drawPolygon(diamond, 4);
    } else if (branch) {
        painter->drawRect(QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius));
    } else {
        painter->drawEllipse(centre, radius, radius);
    }
    if (state == RevisionGraphModel::State::Current) {
        painter->setBrush(Qt::NoBrush);
        painter->setPen(QPen(CurrentColor, 1.2));
        painter->drawEllipse(centre, radius + 3, radius + 3);
    }
    painter->restore();
}

QList<RevisionGraphDelegate::Badge> RevisionGraphDelegate::badges(const QModelIndex &index)
{
    QList<Badge> list;
    const auto state = RevisionGraphModel::State(index.data(RevisionGraphModel::StateRole).toInt());
    if (state == RevisionGraphModel::State::Current)
        list.append({tr("current"), CurrentColor});
    if (index.data(RevisionGraphModel::IsHeadRole).toBool())
        list.append({tr("head"), QColor(0x3b, 0x82, 0xd6)});
    if (index.data(RevisionGraphModel::IsBaseRole).toBool())
        list.append({tr("base"), QColor(0x7f, 0x8c, 0x8d)});
    const QStringList labels = index.data(RevisionGraphModel::BranchLabelsRole).toStringList();
    for (const QString &label : labels)
        list.append({label, QColor(0x9b, 0x59, 0xb6)});
    QString verification = index.data(RevisionGraphModel::VerificationRole).toString();
    if (verification == u"ok")
        list.append({tr("downgrade ok"), QColor(0x27, 0xae, 0x60)});
    else if (!verification.isEmpty())
        list.append({verification.replace(u'_', u' '), QColor(0xc6, 0x28, 0x28)});
    const QString lint = index.data(RevisionGraphModel::LintRole).toString();
    if (!lint.isEmpty()) {
        const int count = index.data(RevisionGraphModel::LintCountRole).toInt();
        const QColor color = lint == u"error" ? QColor(0xc0, 0x39, 0x2b)
            : lint == u"warning"              ? QColor(0xd6, 0x8a, 0x10)
                                              : QColor(0x5d, 0x6d, 0x7e);
        list.append({tr("lint %1 (%2)").arg(lint).arg(count), color});
    }

    return list;
}

void RevisionGraphDelegate::paintBadges(QPainter *painter, const QStyleOptionViewItem &option,
                                        const QModelIndex &index) const
{
    const QList<Badge> shown = badges(index);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QFont font = option.font;
    font.setPointSizeF(font.pointSizeF() * 0.85);
    painter->setFont(font);
    const QFontMetrics metrics(font);
    const QRect rect = option.rect.adjusted(3, 3, -3, -3);
    int x = rect.left();
    for (const Badge &badge : shown) {
        const int width = metrics.horizontalAdvance(badge.text) + 10;
        if (x + width > rect.right())
            break;
        const QRectF box(x, rect.top(), width, rect.height());
        painter->setPen(Qt::NoPen);
        painter->setBrush(badge.color);
        painter->drawRoundedRect(box, 4, 4);
        painter->setPen(Qt::white);
        painter->drawText(box, Qt::AlignCenter, badge.text);
        x += width + 4;
    }
    painter->restore();
}

int RevisionGraphDelegate::graphColumnWidth(int lanes, int cap)
{
    const int needed = LaneWidth * qMax(2, lanes) + 2 * Margin;
    // However narrow the view, eight lanes fit.
    return qMin(needed, qMax(cap, LaneWidth * 8 + 2 * Margin));
}

void RevisionGraphDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.column() == RevisionGraphModel::IdColumn)
        option->textElideMode = Qt::ElideMiddle;
}

QSize RevisionGraphDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setHeight(qMax(size.height(), 24));
    if (index.column() == RevisionGraphModel::GraphColumn) {
        const auto row = index.data(RevisionGraphModel::LaneRowRole).value<LaneRow>();
        size.setWidth(LaneWidth * qMax(1, row.laneCount) + 2 * Margin);
    }
    return size;
}

} // namespace retort::ui
