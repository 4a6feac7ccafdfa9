#include "LaneChecks.h"

#include <QTest>

#include <algorithm>

namespace retort::test {

QList<LayoutNode> layoutNodes(const RowEdges &parents, const RowEdges &dependencies)
{
    QList<LayoutNode> nodes;
    for (int row = 0; row < parents.size(); ++row) {
        LayoutNode node;
        node.id = QString::number(row);
        node.parents = parents.at(row);
        node.dependencies = dependencies.value(row);
        nodes.append(node);
    }
    return nodes;
}

QStringList startedEdges(const LaneRow &row, const QList<bool> &skipping)
{
    QStringList edges;
    for (qsizetype i = 0; i < row.segments.size(); ++i) {
        const LaneSegment &s = row.segments.at(i);
        if (s.type != LaneSegment::Type::Starting)
            continue;
        edges.append((s.kind == EdgeKind::Dependency ? QStringLiteral("d") : QString()) + QString::number(s.targetRow)
                     + (skipping.value(i) ? QStringLiteral("~") : QString()));
    }
    edges.sort();
    return edges;
}

void verifyLanesConnect(const QList<LaneRow> &rows, const QList<QList<bool>> &skipping)
{
    QCOMPARE(skipping.size(), rows.size());
    for (int r = 0; r < rows.size(); ++r) {
        const LaneRow &row = rows.at(r);
        QCOMPARE(skipping.at(r).size(), row.segments.size());
        for (const LaneSegment &s : row.segments) {
            QVERIFY2(s.targetRow >= r && s.targetRow < rows.size(), qPrintable(QString::number(r)));
            if (s.type == LaneSegment::Type::Ending) {
                QCOMPARE(s.targetRow, r);
                QCOMPARE(s.toLane, row.lane);
                continue;
            }
            QVERIFY(s.targetRow > r);
            // The bottom end continues (or ends) in the next row, same lane, same target.
            const LaneRow &next = rows.at(r + 1);
            const bool continues = std::any_of(next.segments.cbegin(), next.segments.cend(), [&](const LaneSegment &o) {
                return o.type != LaneSegment::Type::Starting && o.fromLane == s.toLane && o.targetRow == s.targetRow
                    && o.kind == s.kind;
            });
            QVERIFY2(continues, qPrintable(QStringLiteral("row %1 lane %2").arg(r).arg(s.toLane)));
        }
    }
}

} // namespace retort::test
