#pragma once

#include "EngineDatabase.h"
#include "RevisionSpec.h"

#include <QString>

// The proof that racing runs applied every step exactly once (each upgrade of `specs` logs itself
// into step_log): one step_log row and one applied journal entry per revision, in id order, each
// revision's table, and the version table at the last revision. Empty when all of it holds, else
// what did not.
QString eachStepRanOnce(EngineDatabase &db, const RevisionSpecs &specs);
