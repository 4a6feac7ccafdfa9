#pragma once

#include "graph/RevisionMap.h"
#include "schema/SchemaReader.h"
#include "shadow/ReplayReport.h"
#include "shadow/ShadowReplay.h"
#include "shadow/ShadowSteps.h"
#include "shadow/VerifyReport.h"

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

namespace retort {

class ShadowServer;
class SnapshotCache;

struct VerifyOptions
{
    SchemaReaderOptions reader; // also names the version table the steps keep
    RevIndexes revisions; // the revisions to verify; empty: every revision
    SnapshotCache *cache = nullptr; // parents' schemas from it; the first upgrade's schemas into it
    PythonSteps *python = nullptr; // as in ReplayOptions
    PythonStepsFactory pythonFactory;
    const std::atomic<bool> *cancel = nullptr; // checked between steps
    std::function<void(const ReplayProgress &)> progress; // after each revision, in the calling thread
};

// Checks on shadow databases that each revision's downgrade undoes its upgrade: upgrade R from
// the state with all its parents applied (what Alembic's downgrade of R returns to: every
// down_revision and dependency), read the schema, downgrade R alone, compare with the parents'
// schema, upgrade R again, compare with the first schema. The history is walked parents first
// as ShadowReplay walks it: one database per branch, cloned at forks, reused by the only child;
// a revision outside the range is only upgraded. A database a failed check left in an unknown
// state is dropped and its children start from a fresh one. Runs in the calling thread.
class DowngradeVerifier
{
public:
    DowngradeVerifier(const RevisionMap &map, ShadowServer &server, VerifyOptions options);
    ~DowngradeVerifier();
    VerifyReport run();

private:
    struct State;
    RunResult<std::unique_ptr<State>> stateFor(RevIndex revision);
    RunResult<std::unique_ptr<State>> rebuild(RevIndex revision);
    // Checks `revision` on `state`, which holds its parents; the state is kept for the children
    // only when it ends at `revision` with the first upgrade's schema. Empty when cancelled.
    std::optional<StepVerification> verify(RevIndex revision, std::unique_ptr<State> &state, const Plan &plan,
                                           const QString &key);
    RunResult<Schema> parentSchema(RevIndex revision, State &state, bool stepsBefore);
    RunResult<Schema> snapshot(State &state, const QString &revision);
    RunResult<Plan> downgradePlan(const State &state, RevIndex revision) const;
    RevIndex fullestParent(RevIndex revision) const;
    void release(RevIndex revision);
    bool cancelled() const { return m_options.cancel && m_options.cancel->load(); }

    const RevisionMap &m_map;
    ShadowServer &m_server;
    VerifyOptions m_options;
    ShadowSteps m_steps;
    std::vector<QString> m_keys; // ReplayKeys, by revision
    std::vector<std::unique_ptr<State>> m_states; // by revision: the state after it, while needed
    std::vector<int> m_pendingChildren; // children not visited yet, by revision
};

} // namespace retort
