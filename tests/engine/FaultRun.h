#pragma once

#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <functional>

// Runs the real `retort` and kills it with SIGKILL after a delay, the way a power cut, an OOM
// killer or `kill -9` would end it, then accounts for the processes it had started.
struct KilledRun
{
    bool killed = false; // false: it ended on its own before the delay ran out
    int exitCode = -1; // when it ended on its own
    qint64 ranMs = 0; // from the start (or the anchor) to its end or the kill
    QString out;
    QString err;
    // Processes retort had started that were still running when it was reaped (an Alembic,
    // pg_dump or pg_restore child left without its parent), and how each of them ended.
    QList<qint64> childrenAtKill; // retort's children the moment it was killed
    int orphans = 0;
    int orphansExited = 0; // ran to an exit of their own: they went on working after the kill
    int orphansSignalled = 0; // ended by a signal (the parent-death signal)
    int orphansEndedFirst = 0; // had exited already, before retort reaped them
    // What the caller's observer saw the moment retort was reaped, and once its children had
    // ended: a child that exits on its own after the kill was finishing what it had done only
    // if the two agree (see childWentOn).
    QString stateAtKill;
    QString stateAfterOrphans;

    // A child carried on after the kill: it ran to an exit of its own and the observed state
    // moved meanwhile. (A child already on its way out when retort died exits normally too,
    // having changed nothing since.)
    bool childWentOn() const { return orphansExited > 0 && stateAtKill != stateAfterOrphans; }
};

namespace FaultRun {

// Makes this process the reaper of orphaned descendants, so a child that outlives a killed
// retort is reparented here and can be waited for (prctl PR_SET_CHILD_SUBREAPER).
bool becomeSubreaper();

// Starts retort with `arguments` and kills it `delayMs` after the start unless it ended first;
// with an `anchor`, `delayMs` after the anchor first appears on its stderr (how long a process
// takes to start varies with the load of the machine far more than its steps do).
// Afterwards waits (up to two minutes) for orphaned children to end and reaps them.
// `observe`, when given, reports the state a child could change (say, the version table's rows).
KilledRun runAndKill(const QStringList &arguments, int delayMs, const QProcessEnvironment &environment,
                     const QString &anchor = QString(), const std::function<QString()> &observe = {});

// Pids of `parent`'s children, leaving out `known` ones.
QList<qint64> childrenOf(qint64 parent, const QList<qint64> &known = {});

} // namespace FaultRun
