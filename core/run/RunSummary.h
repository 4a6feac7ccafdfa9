#pragma once

#include "graph/Plan.h"

#include <QString>

namespace retort {

// What the first `stepsDone` steps of `plan` did, in words for a person: "1 step applied",
// "20 steps reverted", "stamped", or several joined ("2 steps applied, stamped"); empty when no
// step ran. Starts lower case so it can follow "Finished: "; the CLI capitalizes it.
QString runSummary(const Plan &plan, int stepsDone);

// "1 step", "3 steps".
QString stepCount(qsizetype count);

} // namespace retort
