#pragma once

#include <QList>
#include <QString>

namespace retort {

// One row handed to LaneLayout, in display order (newest first). Kept free of the revision map so
// the layout can be computed (and tested) from nothing but row indices.
struct LayoutNode
{
    QString id;
    // Row indices of the down_revisions, first parent first. A parent must lie below its child
    // (a larger index); a negative index, or one that is not below, marks an unknown parent.
    QList<int> parents;
    // Row indices of the depends_on targets, with the same rules as parents.
    QList<int> dependencies;
};

} // namespace retort
