#pragma once

#include "graph/Plan.h"

#include <QString>

namespace retort {

// How a run reports while it goes. The CLI prints; the GUI's worker turns these into queued
// signals. cancelRequested() is asked between steps only: a step in flight always finishes or
// rolls back.
class RunObserver
{
public:
    virtual ~RunObserver() = default;
    virtual void planReady(const Plan &plan) { Q_UNUSED(plan); }
    virtual void stepStarted(int index, int count, const PlanStep &step)
    {
        Q_UNUSED(index);
        Q_UNUSED(count);
        Q_UNUSED(step);
    }
    virtual void stepFinished(int index, int count, const PlanStep &step, qint64 elapsedMs)
    {
        Q_UNUSED(index);
        Q_UNUSED(count);
        Q_UNUSED(step);
        Q_UNUSED(elapsedMs);
    }
    virtual void log(const QString &line) { Q_UNUSED(line); }
    virtual bool cancelRequested() { return false; }
};

} // namespace retort
