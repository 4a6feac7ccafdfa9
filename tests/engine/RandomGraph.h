#pragma once

#include "RevisionSpec.h"

#include <QRandomGenerator>

// A seeded random revision graph with branches, merges, several bases, branch labels and
// depends_on. Every revision creates its own table t_<id> and drops it on downgrade, so the set
// of tables shows which upgrade scripts have run.
class RandomGraph
{
public:
    static RevisionSpecs generate(quint32 seed, int size);
    static QString tableOf(const QString &revision) { return QStringLiteral("t_") + revision; }

    // Labels of the graph, and revision ids, for picking command targets.
    static QStringList labels(const RevisionSpecs &specs);
};
