#include "ShadowReplay.h"

#include "Logging.h"
#include "db/Connection.h"
#include "graph/Planner.h"
#include "schema/SchemaTracker.h"
#include "shadow/ReplayKeys.h"
#include "shadow/ShadowDatabase.h"
#include "shadow/SnapshotCache.h"

#include <QCryptographicHash>
#include <QSqlQuery>

#include <algorithm>
#include <utility>

namespace retort {

struct ShadowReplay::State : ShadowState
{
    SchemaTracker tracker; // this database's schema as of the last snapshot
    QByteArray json; // the cache file of the last snapshot taken, once made
    QString jsonKey; // the key it was stored under, once stored
};

ShadowReplay::ShadowReplay(const RevisionMap &map, ShadowServer &server, ReplayOptions options)
    : m_map(map)
    , m_server(server)
    , m_options(std::move(options))
    , m_steps(map, {m_options.reader.versionTable, m_options.python, m_options.pythonFactory, m_options.cancel})
{
}

ShadowReplay::~ShadowReplay() = default;

ReplayReport ShadowReplay::run()
{
    using Status = RevisionReplay::Status;
    const int n = m_map.size();
    std::vector<char> members(size_t(n), 1);
    if (!m_options.targets.empty())
        members = m_map.ancestors(m_options.targets, RevisionMap::Edges::All);
    std::vector<char> wanted(size_t(n), m_options.keepSchemas && m_options.targets.empty() ? 1 : 0);
    if (m_options.keepSchemas) {
        for (RevIndex target : m_options.targets)
            wanted[size_t(target)] = 1;
    }
    const RevIndexes order = ReplayKeys::parentsFirst(m_map, members);
    const std::vector<QString> keys = ReplayKeys::compute(m_map, order);

    m_states.clear();
    m_states.resize(size_t(n));
    m_pendingChildren.assign(size_t(n), 0);
    for (RevIndex i : order) {
        for (RevIndex parent : m_map.allDownRevisions(i))
            ++m_pendingChildren[size_t(parent)];
    }

    ReplayReport report;
    report.dialect = sqlDialectName(m_server.dialect());
    std::vector<char> blocked(size_t(n), 0); // failed or skipped
    int done = 0;
    for (RevIndex r : order) {
        if (cancelled()) {
            report.cancelled = true;
            break;
        }
        RevisionReplay entry;
        entry.revision = m_map.id(r);
        const auto finish = [&] {
            report.revisions.append(entry);
            release(r);
            if (m_options.progress)
                m_options.progress({++done, int(order.size()), entry.revision});
        };

        const RevIndexes &parents = m_map.allDownRevisions(r);
        const auto blocker =
            std::find_if(parents.begin(), parents.end(), [&](RevIndex p) { return blocked[size_t(p)] != 0; });
        if (blocker != parents.end()) {
            entry.status = Status::Skipped;
            entry.blockedBy = m_map.id(*blocker);
            blocked[size_t(r)] = 1;
            finish();
            continue;
        }

        const QString &key = keys[size_t(r)];
        if (m_options.cache && m_options.cache->contains(key)) {
            if (!wanted[size_t(r)]) {
                entry.status = Status::Cached;
                finish();
                continue;
            }
            Fallible<Schema> cached = m_options.cache->load(key);
            if (cached) {
                entry.status = Status::Cached;
                report.schemas.insert(entry.revision, std::move(cached).value());
                finish();
                continue;
            }
            qCWarning(lcShadow) << "replaying" << entry.revision << "again:" << cached.error().message;
        }

        const auto fail = [&](RunError error) {
            entry.status = Status::Failed;
            entry.error = std::move(error);
            blocked[size_t(r)] = 1;
            finish();
        };
        RunResult<std::unique_ptr<State>> acquired = stateFor(r);
        if (const RunError *error = acquired.failure()) {
            fail(*error);
            continue;
        }
        std::unique_ptr<State> state = std::move(acquired).value();
        if (std::optional<RunError> error = upgrade(*state, r)) {
            if (error->kind == ErrorKind::Cancelled) {
                report.cancelled = true;
                break;
            }
            fail(*error);
            continue;
        }
        RunResult<Connection *> connection = state->database->connection();
        if (const RunError *error = connection.failure()) {
            fail(*error);
            continue;
        }
        DbResult<Schema> schema = snapshot(*state, **connection);
        if (!schema) {
            RunError error = RunError::fromDb(schema.error(), ErrorKind::SchemaReadFailed);
            error.revision = entry.revision;
            fail(error);
            continue;
        }
        if (m_options.cache && !key.isEmpty()) {
            if (state->json.isEmpty())
                state->json = m_options.cache->serialize(*schema);
            const Fallible<void> stored = state->jsonKey.isEmpty()
                ? m_options.cache->store(key, state->json)
                : m_options.cache->storeSameAs(key, state->jsonKey, state->json);
            if (stored.ok())
                state->jsonKey = key;
            else
                qCWarning(lcShadow) << "not cached:" << stored.error().message;
        }
        if (wanted[size_t(r)])
            report.schemas.insert(entry.revision, std::move(schema).value());
        if (m_pendingChildren[size_t(r)] > 0)
            m_states[size_t(r)] = std::move(state);
        finish();
    }
    m_states.clear(); // every shadow database goes now, also after a cancel
    if (m_options.cache)
        m_options.cache->flush(); // the files, written meanwhile, are all there on return
    return report;
}

RunResult<Schema> ShadowReplay::upgradedTo(const RevIndexes &heads)
{
    const RevIndexes order = ReplayKeys::parentsFirst(m_map, m_map.ancestors(heads, RevisionMap::Edges::All));
    const std::vector<QString> keys = ReplayKeys::compute(m_map, order);
    QStringList headKeys;
    for (RevIndex head : heads)
        headKeys << keys[size_t(head)];
    headKeys.sort();
    QString key;
    if (!headKeys.contains(QString())) {
        QCryptographicHash hash(QCryptographicHash::Sha256);
        hash.addData(headKeys.size() == 1 ? QByteArray() : QByteArrayLiteral("heads"));
        for (const QString &headKey : std::as_const(headKeys)) {
            hash.addData("\n");
            hash.addData(headKey.toLatin1());
        }
        key = headKeys.size() == 1 ? headKeys.front() : QString::fromLatin1(hash.result().toHex());
    }
    if (m_options.cache && !key.isEmpty() && m_options.cache->contains(key)) {
        Fallible<Schema> cached = m_options.cache->load(key);
        if (cached)
            return std::move(cached).value();
        qCWarning(lcShadow) << "upgrading again:" << cached.error().message;
    }

    auto created = m_server.createEmpty();
    if (const RunError *error = created.failure())
        return *error;
    State state;
    state.database = std::move(created).value();
    for (RevIndex head : heads) {
        if (std::optional<RunError> error = upgrade(state, head))
            return *error;
    }
    RunResult<Connection *> connection = state.database->connection();
    if (const RunError *error = connection.failure())
        return *error;
    DbResult<Schema> schema = readSchema(**connection, m_options.reader);
    if (!schema)
        return RunError::fromDb(schema.error(), ErrorKind::SchemaReadFailed);
    if (m_options.cache && !key.isEmpty()) {
        if (const Fallible<void> stored = m_options.cache->store(key, *schema); !stored.ok())
            qCWarning(lcShadow) << "not cached:" << stored.error().message;
    }
    return std::move(schema).value();
}

DbResult<Schema> ShadowReplay::snapshot(State &state, Connection &connection)
{
    const std::optional<CatalogWrites> writes = std::exchange(state.catalogWrites, CatalogWrites{});
    // Steps that wrote no catalog row changed no schema. Without their counts: data statements
    // alone change none unless a function of the database's runs DDL.
    const bool unchanged =
        writes ? !writes->any() && state.tracker.last() : !state.schemaTouched && state.tracker.dataStepsKeepSchema();
    if (unchanged) {
        state.schemaTouched = false;
        return *state.tracker.last();
    }
    bool changed = true;
    DbResult<Schema> schema = state.tracker.refresh(connection, m_options.reader, &changed, writes);
    if (changed || !schema) {
        state.json.clear();
        state.jsonKey.clear();
    }
    if (schema)
        state.schemaTouched = false;
    return schema;
}

void ShadowReplay::release(RevIndex revision)
{
    for (RevIndex parent : m_map.allDownRevisions(revision)) {
        if (--m_pendingChildren[size_t(parent)] <= 0)
            m_states[size_t(parent)].reset();
    }
}

RevIndex ShadowReplay::fullestParent(RevIndex revision) const
{
    const RevIndexes &parents = m_map.allDownRevisions(revision);
    if (parents.size() == 1)
        return parents.front();
    // A parent whose state is already there beats rebuilding one; then the most ancestors,
    // so the fewest steps are left to apply.
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

RunResult<std::unique_ptr<ShadowReplay::State>> ShadowReplay::stateFor(RevIndex revision)
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
        // The parent came from the cache: bring a database to it without snapshots.
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
    state->schemaTouched = kept->schemaTouched;
    state->tracker = kept->tracker;
    state->json = kept->json;
    state->jsonKey = kept->jsonKey;
    return state;
}

RunResult<std::unique_ptr<ShadowReplay::State>> ShadowReplay::rebuild(RevIndex revision)
{
    auto created = m_server.createEmpty();
    if (const RunError *error = created.failure())
        return *error;
    auto state = std::make_unique<State>();
    state->database = std::move(created).value();
    if (std::optional<RunError> error = upgrade(*state, revision))
        return *error;
    return state;
}

std::optional<RunError> ShadowReplay::upgrade(State &state, RevIndex target)
{
    const Planner planner(m_map);
    const RevIndexes &parents = m_map.allDownRevisions(target);
    const bool parentsApplied = !parents.empty() && std::all_of(parents.begin(), parents.end(), [&](RevIndex parent) {
        return state.heads.contains(m_map.id(parent));
    });
    const Result<Plan> plan =
        parentsApplied ? planner.upgradeOne(state.heads, target) : planner.upgrade(state.heads, m_map.id(target));
    if (!plan)
        return RunError::fromGraph(plan.error());
    std::optional<RunError> error = m_steps.run(state, *plan);
    if (error && error->kind == ErrorKind::Cancelled)
        error->message = QStringLiteral("replay cancelled");
    return error;
}

} // namespace retort
