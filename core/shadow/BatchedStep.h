#pragma once

#include "db/SqlDialect.h"
#include "schema/CatalogWrites.h"

namespace retort {

class Connection;
class VersionTable;
struct PlanStep;
struct StepScript;

// Runs a native SQL step on a PostgreSQL shadow database in one round trip: BEGIN, the version
// table's change, the script's statements and COMMIT, sent as one query message, where
// StepExecutor sends each statement on its own (five round trips or more a step, which is most
// of a replay's time on a server). Only Retort writes to a shadow, so nothing can come between
// the statements, and StepExecutor's compare-and-swap on the heads becomes a check that each
// change of the version table matched its one row. Any failure rolls the step back and leaves
// it to StepExecutor, which runs it again statement by statement and names the statement that
// fails, with its file and line. Alongside, it reads how many catalog rows the step wrote
// (CatalogWrites), which tells the schema tracker what it has to look at.
class BatchedStep
{
public:
    struct Outcome
    {
        bool applied = false; // false: rolled back, nothing of it stays
        CatalogWrites writes; // applied: the catalog rows the step wrote
    };

    // Whether `script` can run this way: PostgreSQL, in one transaction, and no statement that
    // ends the transaction or waits for more input (COPY ... FROM STDIN).
    static bool suits(const StepScript &script, SqlDialect dialect);
    // `createVersionTable`: the version table does not exist yet.
    static Outcome run(Connection &connection, const VersionTable &versions, const PlanStep &step,
                       const StepScript &script, bool createVersionTable);
};

} // namespace retort
