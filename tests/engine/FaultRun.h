#pragma once

#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

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
};

namespace FaultRun {

// Makes this process the reaper of orphaned descendants, so a child that outlives a killed
// retort is reparented here and can be waited for (prctl PR_SET_CHILD_SUBREAPER).
bool becomeSubreaper();

// Starts retort with `arguments` and kills it `delayMs` after the start unless it ended first;
// with an `anchor`, `delayMs` after the anchor first appears on its stderr (how long a process
// takes to start varies with the load of the machine far more than its steps do).
// Afterwards waits (up to two minutes) for orphaned children to end and reaps them.
KilledRun runAndKill(const QStringList &arguments, int delayMs, const QProcessEnvironment &environment,
                     const QString &anchor = QString());

// Pids of `parent`'s children, leaving out `known` ones.
QList<qint64> childrenOf(qint64 parent, const QList<qint64> &known = {});

} // namespace FaultRun
