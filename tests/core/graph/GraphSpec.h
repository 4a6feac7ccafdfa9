#pragma once

// Small helpers shared by the hand-written graph tests: a one-line notation for revisions and
// a printable form of what the resolver returns.
#include "graph/Resolver.h"
#include "graph/RevisionMap.h"

#include <QStringList>

namespace retort::test {

// Revisions separated by spaces, each "id:down1,down2:labels:deps", in load order
// (the notation tests/core/graph/ask_alembic.py reads too).
inline Revisions parseGraph(const QString &graph)
{
    Revisions out;
    for (const QString &spec : graph.split(u' ', Qt::SkipEmptyParts)) {
        const QStringList parts = spec.split(u':');
        Revision r;
        r.id = parts.value(0);
        r.downRevisions = parts.value(1).split(u',', Qt::SkipEmptyParts);
        r.branchLabels = parts.value(2).split(u',', Qt::SkipEmptyParts);
        r.dependsOn = parts.value(3).split(u',', Qt::SkipEmptyParts);
        out.append(r);
    }
    return out;
}

// An id, or Alembic's two markers: "<none>" for Python's None, "<base>" for the string "base".
inline QString revText(const RevisionMap &map, RevIndex r)
{
    if (r == Resolver::NoRevision)
        return QStringLiteral("<none>");
    if (r == Resolver::BaseMarker)
        return QStringLiteral("<base>");
    return map.id(r);
}

inline QStringList revTexts(const RevisionMap &map, const RevIndexes &rs)
{
    QStringList out;
    for (RevIndex r : rs)
        out.append(revText(map, r));
    return out;
}

// A comma-separated list; empty text gives an empty list.
inline QStringList list(const QString &text)
{
    return text.split(u',', Qt::SkipEmptyParts);
}

} // namespace retort::test
