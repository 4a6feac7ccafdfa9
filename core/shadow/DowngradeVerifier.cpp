#include "DowngradeVerifier.h"

#include "Logging.h"
#include "db/Connection.h"
#include "graph/Planner.h"
#include "schema/SchemaDiff.h"
#include "shadow/DowngradeBody.h"
#include "shadow/ReplayKeys.h"
#include "shadow/ShadowDatabase.h"
#include "shadow/SnapshotCache.h"

#include <algorithm>

namespace retort {

using StepProblem = StepVerification::Problem;

struct DowngradeVerifier::State : ShadowState
{
    std::optional<Schema> schema; // of what the database holds now, when known
};

DowngradeVerifier::DowngradeVerifier(const RevisionMap &map, ShadowServer &server, VerifyOptions options)
    : m_map(map)
    , m_server(server)
    , m_options(std::move(options))
    , m_steps(map, {m_options.reader.versionTable, m_options.python, m_options.pythonFactory, m_options.cancel})
{
}

DowngradeVerifier::~DowngradeVerifier() = default;

VerifyReport DowngradeVerifier::run()
{
    const int n = m_map.size();
    std::vector<char> inRange(size_t(n), m_options.revisions.empty() ? 1 : 0);
    for (RevIndex r : m_options.revisions)
        inRange[size_t(r)] = 1;
    std::vector<char> members(size_t(n), 1);
    if (!m_options.revisions.empty())
        members = m_map.ancestors(m_options.revisions, RevisionMap::Edges::All);
    const RevIndexes order = ReplayKeys::parentsFirst(m_map, members);
    m_keys = ReplayKeys::compute(m_map, order);

    m_states.clear();
    m_states.resize(size_t(n));
    m_pendingChildren.assign(size_t(n), 0);
    for (RevIndex i : order) {
        for (RevIndex parent : m_map.allDownRevisions(i))
            ++m_pendingChildren[size_t(parent)];
    }

    VerifyReport report;
    report.dialect = sqlDialectName(m_server.dialect());
    std::vector<char> blocked(size_t(n), 0); // could not be upgraded to
    // For the blocked ones: the failure at the root.
    std::vector<std::optional<RunError>> why(static_cast<size_t>(n));
    int done = 0;
    for (RevIndex r : order) {
        if (cancelled()) {
            report.cancelled = true;
            break;
        }
        StepVerification entry;
        entry.revision = m_map.id(r);
        const auto finish = [&] {
            if (inRange[size_t(r)])
                report.steps.append(entry);
            release(r);
            if (m_options.progress)
                m_options.progress({++done, int(order.size()), entry.revision});
        };
        const auto fail = [&](const RunError &error) {
            entry.problem = StepProblem::UpgradeFailed;
            entry.error = error;
            blocked[size_t(r)] = 1;
            why[size_t(r)] = error;
            finish();
        };

        const RevIndexes &parents = m_map.allDownRevisions(r);
        const auto blocker =
            std::find_if(parents.begin(), parents.end(), [&](RevIndex p) { return blocked[size_t(p)] != 0; });
        if (blocker != parents.end()) {
            entry.problem = StepProblem::Skipped;
            entry.blockedBy = m_map.id(*blocker);
            entry.error = why[size_t(*blocker)];
            blocked[size_t(r)] = 1;
            why[size_t(r)] = why[size_t(*blocker)];
            finish();
            continue;
        }

        RunResult<std::unique_ptr<State>> acquired = stateFor(r);
        if (const RunError *error = acquired.failure()) {
            if (error->kind == ErrorKind::Cancelled) {
                report.cancelled = true;
                break;
            }
            fail(*error);
            continue;
        }
        std::unique_ptr<State> state = std::move(acquired).value();
        const Result<Plan> plan = Planner(m_map).upgrade(state->heads, entry.revision);
        if (!plan) {
            fail(RunError::fromGraph(plan.error()));
            continue;
        }
        if (!inRange[size_t(r)]) {
            // Only on the way to a revision that is verified.
            state->schema.reset();
            if (std::optional<RunError> error = m_steps.run(*state, *plan)) {
                if (error->kind == ErrorKind::Cancelled) {
                    report.cancelled = true;
                    break;
                }
                fail(*error);
                continue;
            }
        } else {
            std::optional<StepVerification> verified = verify(r, state, *plan, m_keys[size_t(r)]);
            if (!verified) {
                report.cancelled = true;
                break;
            }
            entry = std::move(*verified);
            if (entry.problem == StepProblem::UpgradeFailed) {
                blocked[size_t(r)] = 1;
                why[size_t(r)] = entry.error;
            }
        }
        if (state && m_pendingChildren[size_t(r)] > 0)
            m_states[size_t(r)] = std::move(state);
        finish();
    }
    m_states.clear(); // every shadow database goes now, also after a cancel
    return report;
}

std::optional<StepVerification> DowngradeVerifier::verify(RevIndex r, std::unique_ptr<State> &state, const Plan &plan,
                                                          const QString &key)
{
    StepVerification result;
    result.revision = m_map.id(r);
    bool wasCancelled = false;
    // A failure leaves the database somewhere unknown: it goes, and the children start afresh.
    const auto problem = [&](StepProblem kind, const RunError &error) -> std::optional<StepVerification> {
        if (error.kind == ErrorKind::Cancelled)
            wasCancelled = true;
        result.problem = kind;
        result.error = error;
        state.reset();
        if (wasCancelled)
            return std::nullopt;
        return result;
    };

    // Whatever else the other parents need first, then the parents' schema, then R's own step.
    const qsizetype before = plan.steps.size() - 1;
    if (before < 0 || plan.steps.back().revision != result.revision)
        return problem(
            StepProblem::UpgradeFailed,
            RunError::make(
                ErrorKind::Conflict,
                QStringLiteral("the shadow database cannot be brought to revision %1's parents").arg(result.revision),
                result.revision));
    for (qsizetype i = 0; i < before; ++i) {
        state->schema.reset();
        if (std::optional<RunError> error = m_steps.run(*state, plan.steps.at(i)))
            return problem(StepProblem::UpgradeFailed, *error);
    }
    RunResult<Schema> parents = parentSchema(r, *state, before > 0);
    if (const RunError *error = parents.failure())
        return problem(StepProblem::UpgradeFailed, *error);

    state->schema.reset();
    if (std::optional<RunError> error = m_steps.run(*state, plan.steps.back()))
        return problem(StepProblem::UpgradeFailed, *error);
    RunResult<Schema> upgraded = snapshot(*state, result.revision);
    if (const RunError *error = upgraded.failure())
        return problem(StepProblem::UpgradeFailed, *error);
    if (m_options.cache && !key.isEmpty()) {
        if (const Fallible<void> stored = m_options.cache->store(key, *upgraded); !stored.ok())
            qCWarning(lcShadow) << "not cached:" << stored.error().message;
    }

    if (hasEmptyDowngrade(m_map.revision(r), m_server.dialect())) {
        // Nothing was run, so the database still holds R as a first upgrade left it.
        result.differences = SchemaDiff::between(*parents, *upgraded);
        if (!result.differences.isEmpty())
            result.problem = StepProblem::NoDowngrade;
        state->schema = *upgraded;
        return result;
    }

    RunResult<Plan> down = downgradePlan(*state, r);
    if (const RunError *error = down.failure())
        return problem(StepProblem::DowngradeFailed, *error);
    if (std::optional<RunError> error = m_steps.run(*state, *down))
        return problem(StepProblem::DowngradeFailed, *error);
    RunResult<Schema> downgraded = snapshot(*state, result.revision);
    if (const RunError *error = downgraded.failure())
        return problem(StepProblem::DowngradeFailed, *error);
    result.differences = SchemaDiff::between(*parents, *downgraded);
    if (!result.differences.isEmpty()) {
        result.problem = StepProblem::DowngradeIncomplete;
        state.reset();
        return result;
    }

    const Result<Plan> again = Planner(m_map).upgrade(state->heads, result.revision);
    if (!again)
        return problem(StepProblem::ReupgradeFailed, RunError::fromGraph(again.error()));
    if (std::optional<RunError> error = m_steps.run(*state, *again))
        return problem(StepProblem::ReupgradeFailed, *error);
    RunResult<Schema> reupgraded = snapshot(*state, result.revision);
    if (const RunError *error = reupgraded.failure())
        return problem(StepProblem::ReupgradeFailed, *error);
    result.differences = SchemaDiff::between(*upgraded, *reupgraded);
    if (!result.differences.isEmpty()) {
        result.problem = StepProblem::ReupgradeDiffers;
        state.reset();
        return result;
    }
    state->schema = *upgraded;
    return result;
}

RunResult<Schema> DowngradeVerifier::parentSchema(RevIndex revision, State &state, bool stepsBefore)
{
    if (!stepsBefore && state.schema)
        return *state.schema;
    const RevIndexes &parents = m_map.allDownRevisions(revision);
    if (!stepsBefore && parents.size() == 1 && m_options.cache) {
        // The state holds exactly the parent, whose replayed schema the cache may have.
        const QString &key = m_keys[size_t(parents.front())];
        if (!key.isEmpty() && m_options.cache->contains(key)) {
            Fallible<Schema> cached = m_options.cache->load(key);
            if (cached)
                return std::move(cached).value();
            qCWarning(lcShadow) << "reading the parent's schema again:" << cached.error().message;
        }
    }
    if (parents.empty() && !state.versionTable) {
        Schema empty;
        empty.dialect = sqlDialectName(m_server.dialect());
        return empty;
    }
    return snapshot(state, m_map.id(revision));
}

RunResult<Schema> DowngradeVerifier::snapshot(State &state, const QString &revision)
{
    RunResult<Connection *> connection = state.database->connection();
    if (const RunError *error = connection.failure())
        return *error;
    DbResult<Schema> schema = readSchema(**connection, m_options.reader);
    if (!schema) {
        RunError error = RunError::fromDb(schema.error(), ErrorKind::SchemaReadFailed);
        error.revision = revision;
        return error;
    }
    return std::move(schema).value();
}

// `downgrade` to the revision's first parent (down_revision, else a dependency, else base): from
// a database that holds the revision and its ancestors only, that undoes exactly the revision.
// The Python driver chooses the same target.
RunResult<Plan> DowngradeVerifier::downgradePlan(const State &state, RevIndex revision) const
{
    const Revision &rev = m_map.revision(revision);
    const RevIndexes &parents = m_map.allDownRevisions(revision);
    const QString target = !rev.downRevisions.isEmpty() ? rev.downRevisions.constFirst()
        : !parents.empty()                              ? m_map.id(parents.front())
                                                        : QStringLiteral("base");
    const Result<Plan> plan = Planner(m_map).downgrade(state.heads, target);
    if (!plan)
        return RunError::fromGraph(plan.error());
    if (plan->steps.size() != 1 || plan->steps.front().revision != rev.id)
        return RunError::make(ErrorKind::Conflict,
                              QStringLiteral("downgrading %1 to %2 would run %3 steps, not just %1")
                                  .arg(rev.id, target)
                                  .arg(plan->steps.size()),
                              rev.id, rev.path);
    return *plan;
}

void DowngradeVerifier::release(RevIndex revision)
{
    for (RevIndex parent : m_map.allDownRevisions(revision)) {
        if (--m_pendingChildren[size_t(parent)] <= 0)
            m_states[size_t(parent)].reset();
    }
}

RevIndex DowngradeVerifier::fullestParent(RevIndex revision) const
{
    const RevIndexes &parents = m_map.allDownRevisions(revision);
    if (parents.size() == 1)
        return parents.front();
    RevIndex best = -1;
    std::pair<int, qsizetype> bestScore{-1, -1};
    for (RevIndex parent : parents) {
        const std::vector<char> ancestors = m_map.ancestors({parent}, RevisionMap::Edges::All);
        const std::pair<int, qsizetype> score{m_states[size_t(parent)] ? 1 : 0,
                                              std::count(ancestors.begin(), ancestors.end(), 1)};
        if (score > bestScore) {
            bestScore = score;
            best = parent;
        }
    }
    return best;
}

RunResult<std::unique_ptr<DowngradeVerifier::State>> DowngradeVerifier::stateFor(RevIndex revision)
{
    if (m_map.allDownRevisions(revision).empty()) {
        auto created = m_server.createEmpty();
        if (const RunError *error = created.failure())
            return *error;
        auto state = std::make_unique<State>();
        state->database = std::move(created).value();
        return state;
    }
    const RevIndex parent = fullestParent(revision);
    std::unique_ptr<State> &kept = m_states[size_t(parent)];
    if (!kept) {
        // The parent's check dropped its database: bring a new one to it, without checks.
        auto rebuilt = rebuild(parent);
        if (const RunError *error = rebuilt.failure())
            return *error;
        kept = std::move(rebuilt).value();
    }
    if (m_pendingChildren[size_t(parent)] <= 1)
        return std::move(kept);
    auto cloned = m_server.clone(*kept->database);
    if (const RunError *error = cloned.failure())
        return *error;
    auto state = std::make_unique<State>();
    state->database = std::move(cloned).value();
    state->heads = kept->heads;
    state->versionTable = kept->versionTable;
    state->schema = kept->schema;
    return state;
}

RunResult<std::unique_ptr<DowngradeVerifier::State>> DowngradeVerifier::rebuild(RevIndex revision)
{
    auto created = m_server.createEmpty();
    if (const RunError *error = created.failure())
        return *error;
    auto state = std::make_unique<State>();
    state->database = std::move(created).value();
    const Result<Plan> plan = Planner(m_map).upgrade(state->heads, m_map.id(revision));
    if (!plan)
        return RunError::fromGraph(plan.error());
    if (std::optional<RunError> error = m_steps.run(*state, *plan))
        return *error;
    return state;
}

} // namespace retort
