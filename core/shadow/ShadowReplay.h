#pragma once

#include "Expected.h"
#include "graph/RevisionMap.h"
#include "schema/SchemaReader.h"
#include "shadow/PythonSteps.h"
#include "shadow/ReplayReport.h"
#include "shadow/ShadowSteps.h"

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

namespace retort {

class Connection;
class ShadowDatabase;
class ShadowServer;
class SnapshotCache;

struct ReplayProgress
{
    int done = 0;
    int total = 0;
    QString revision; // the one just finished
};

struct ReplayOptions
{
    SchemaReaderOptions reader; // also names the version table the steps keep
    RevIndexes targets; // replay these and their ancestors; empty: every revision
    bool keepSchemas = false; // put the targets' schemas (every one without targets) in the report
    SnapshotCache *cache = nullptr; // nullptr: no cache, everything replays
    // Python revisions: `python` when given, else one made by `pythonFactory` on the first
    // Python step (so a native history never starts Python). Neither: such steps fail.
    PythonSteps *python = nullptr;
    PythonStepsFactory pythonFactory;
    const std::atomic<bool> *cancel = nullptr; // checked between steps
    std::function<void(const ReplayProgress &)> progress; // after each revision, in the calling thread
};

// Replays a history on shadow databases so that the schema recorded for each revision R is the
// schema of a database upgraded from base to R, as Alembic would (R's ancestors and
// dependencies, nothing of other branches). Revisions go parents first; R starts from the state
// of its parent with the most ancestors (cloned when another child still needs it, else reused)
// and gets the planner's `upgrade R` from that state's heads, which adds whatever a merge or a
// depends_on needs besides. A failure stops its descendants only. States are dropped as soon as
// no child needs them. Runs in the calling thread, which must own nothing else of the server.
class ShadowReplay
{
public:
    ShadowReplay(const RevisionMap &map, ShadowServer &server, ReplayOptions options);
    ~ShadowReplay();
    ReplayReport run();
    // The schema of one shadow database upgraded from base to every one of `heads` (Alembic's
    // `upgrade A B`): what a database whose version table holds several rows should look like.
    // Cached under a key made from the heads' own keys, sorted; one head: the same as run()'s.
    RunResult<Schema> upgradedTo(const RevIndexes &heads);

private:
    struct State;
    RunResult<std::unique_ptr<State>> stateFor(RevIndex revision);
    RunResult<std::unique_ptr<State>> rebuild(RevIndex revision);
    std::optional<RunError> upgrade(State &state, RevIndex target);
    DbResult<Schema> snapshot(State &state, Connection &connection);
    RevIndex fullestParent(RevIndex revision) const;
    void release(RevIndex revision);
    bool cancelled() const { return m_options.cancel && m_options.cancel->load(); }

    const RevisionMap &m_map;
    ShadowServer &m_server;
    ReplayOptions m_options;
    ShadowSteps m_steps;
    std::vector<std::unique_ptr<State>> m_states; // by revision: the state after it, while needed
    std::vector<int> m_pendingChildren; // children not visited yet, by revision
};

} // namespace retort
