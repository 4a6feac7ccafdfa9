#include "LayoutAscii.h"

#include <QStringList>

#include <algorithm>

using retort::EdgeKind;
using retort::LaneRow;
using retort::LaneSegment;

namespace LayoutAscii {

QString segmentToken(const LaneSegment &s)
{
    const QChar type = s.type == LaneSegment::Type::Starting ? u'S' : s.type == LaneSegment::Type::Ending ? u'E' : u'C';
    const QChar kind = s.kind == EdgeKind::Parent ? u'p' : u'd';
    QString token = type + QString::number(s.fromLane) + u'>' + QString::number(s.toLane) + kind;
    if (s.type != LaneSegment::Type::Ending)
        token += u'@' + QString::number(s.targetRow);
    return token;
}

QString rowText(const LaneRow &row)
{
    QStringList tokens;
    for (const LaneSegment &s : row.segments)
        tokens.append(segmentToken(s));
    if (row.missingParents > 0)
        tokens.append(QStringLiteral("?p") + QString::number(row.missingParents));
    if (row.missingDependencies > 0)
        tokens.append(QStringLiteral("?d") + QString::number(row.missingDependencies));
    tokens.sort();
    tokens.prepend(QString::number(row.lane) + u'/' + QString::number(row.laneCount));
    return tokens.join(u' ');
}

QString normalizedRowText(const QString &text)
{
    QStringList tokens = text.split(u' ', Qt::SkipEmptyParts);
    if (tokens.isEmpty())
        return {};
    const QString head = tokens.takeFirst();
    tokens.sort();
    tokens.prepend(head);
    return tokens.join(u' ');
}

namespace {

void put(QString &line, int column, QChar c, bool overwrite = true)
{
    if (line.size() <= column)
        line.append(QString(column + 1 - line.size(), u' '));
    if (overwrite || line.at(column) == u' ')
        line[column] = c;
}

QChar stroke(EdgeKind kind)
{
    return kind == EdgeKind::Parent ? u'|' : u':';
}

} // namespace

QString render(const QList<retort::LayoutNode> &nodes, const QList<LaneRow> &rows)
{
    QStringList out;
    int width = 0;
    for (const LaneRow &r : rows)
        width = std::max(width, r.laneCount);
    const int graphColumns = 2 * width + 2;

    for (int i = 0; i < rows.size(); ++i) {
        const LaneRow &r = rows.at(i);
        QString top, centre, bottom;
        put(centre, 2 * r.lane, u'*');
        for (const LaneSegment &s : r.segments) {
            switch (s.type) {
            case LaneSegment::Type::Continuing:
                put(top, 2 * s.fromLane, stroke(s.kind));
                put(centre, 2 * s.fromLane, stroke(s.kind));
                put(bottom, 2 * s.toLane, stroke(s.kind));
                break;
            case LaneSegment::Type::Ending:
                if (s.fromLane == r.lane)
                    put(top, 2 * s.fromLane, stroke(s.kind));
                else if (s.fromLane > r.lane)
                    put(top, 2 * s.fromLane - 1, u'/');
                else
                    put(top, 2 * s.fromLane + 1, u'\\');
                break;
            case LaneSegment::Type::Starting:
                if (s.toLane == r.lane)
                    put(bottom, 2 * s.toLane, stroke(s.kind));
                else if (s.toLane > r.lane)
                    put(bottom, 2 * s.toLane - 1, u'\\');
                else
                    put(bottom, 2 * s.toLane + 1, u'/');
                break;
            }
        }
        // Horizontal runs for bends that cross lanes, drawn under everything else.
        for (const LaneSegment &s : r.segments) {
            const int other = s.type == LaneSegment::Type::Ending ? s.fromLane
                : s.type == LaneSegment::Type::Starting           ? s.toLane
                                                                  : r.lane;
            const QChar fill = s.kind == EdgeKind::Parent ? u'-' : u'.';
            for (int c = 2 * std::min(other, r.lane) + 1; c < 2 * std::max(other, r.lane); ++c)
                put(centre, c, fill, false);
        }
        const QString id = i < nodes.size() ? nodes.at(i).id : QString();
        out.append(top.leftJustified(graphColumns));
        out.append(centre.leftJustified(graphColumns) + id + u"   " + rowText(r));
        out.append(bottom.leftJustified(graphColumns));
    }
    return out.join(u'\n');
}

} // namespace LayoutAscii
