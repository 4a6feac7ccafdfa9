#include "graph/RevisionMap.h"

#include "ParallelFor.h"
#include "graph/AncestorBits.h"
#include "graph/RevisionPrefetch.h"

#include <QSet>

#include <algorithm>
#include <bit>
#include <optional>
#include <span>
#include <string_view>
#include <unordered_map>

namespace retort {

namespace {

void appendUnique(RevIndexes &list, RevIndex value)
{
    if (std::find(list.begin(), list.end(), value) == list.end())
        list.push_back(value);
}

bool contains(const RevIndexes &list, RevIndex value)
{
    return std::find(list.begin(), list.end(), value) != list.end();
}

// Every revision after all of its parents along one kind of edge (Kahn's order); empty when a
// cycle leaves some revisions without one. down(i) and up(i) are revision i's edges either way.
template <typename Down, typename Up>
RevIndexes parentsFirst(size_t count, Down down, Up up)
{
    std::vector<int> pending(count, 0);
    RevIndexes order;
    order.reserve(count);
    for (size_t i = 0; i < count; ++i) {
        pending[i] = int(down(RevIndex(i)).size());
        if (pending[i] == 0)
            order.push_back(RevIndex(i));
    }
    for (size_t k = 0; k < order.size(); ++k) {
        for (RevIndex child : up(order[k])) {
            if (--pending[size_t(child)] == 0)
                order.push_back(child);
        }
    }
    return order.size() == count ? order : RevIndexes{};
}

} // namespace

// Builds a RevisionMap step by step in the order Alembic's RevisionMap._revision_map does, so
// the first problem recorded is the one Alembic would have raised.
class RevisionMapBuilder
{
public:
    explicit RevisionMapBuilder(RevisionMap &map)
        : m(map)
    {
    }

    RevisionMap::Built run(Revisions revisions)
    {
        addNodes(std::move(revisions));
        mapBranchLabels();
        resolveDependencies();
        linkParents();
        normalizeDependencies();
        detectCycles();
        propagateBranchLabels();
        return std::move(m_built);
    }

private:
    void report(Problem::Severity severity, const Revision &rev, ErrorKind kind, const QString &message,
                const QStringList &involved = {})
    {
        m_built.problems.append(Problem{severity, errorKindName(kind), rev.path, rev.line, rev.id, message});
        if (severity == Problem::Severity::Error && !m_built.firstError)
            m_built.firstError = GraphError::make(kind, message, involved.isEmpty() ? QStringList{rev.id} : involved);
    }

    // What addNodes asks of each revision's strings, worked out on every core at once: on the
    // thread that builds the map, each string would be a cache miss (another thread read it).
    struct Checked
    {
        quint32 idHash = 0;
        bool selfLoop = false;
        bool dependencySelfLoop = false;
        quint8 illegal = 0; // bit k: IllegalIdCharacters[k] occurs in the id
    };
    static constexpr char16_t IllegalIdCharacters[] = {u'+', u'-', u'@'};

    static std::vector<Checked> check(const Revisions &revisions)
    {
        std::vector<Checked> checked(size_t(revisions.size()));
        parallelFor(
            revisions.size(),
            [&](qsizetype i) {
                prefetchAhead(i, revisions.size(), [&](qsizetype j) -> const Revision & { return revisions.at(j); });
                const Revision &rev = revisions.at(i);
                Checked &c = checked[size_t(i)];
                c.idHash = StringIndex::hashOf(rev.id);
                c.selfLoop = rev.downRevisions.contains(rev.id);
                c.dependencySelfLoop = rev.dependsOn.contains(rev.id);
                for (size_t k = 0; k < std::size(IllegalIdCharacters); ++k) {
                    if (rev.id.contains(QChar(IllegalIdCharacters[k])))
                        c.illegal |= quint8(1u << k);
                }
            },
            1024);
        return checked;
    }

    // work(i, node) for every node on every core; what it returns, per node. work may write only
    // to the node it is given.
    template <typename Work>
    std::vector<char> forEachNode(Work work)
    {
        std::vector<char> result(m.m_nodes.size(), 0);
        parallelFor(
            m.size(), [&](qsizetype i) { result[size_t(i)] = work(RevIndex(i), m.m_nodes[size_t(i)]); }, 1024);
        return result;
    }

    void addNodes(Revisions revisions)
    {
        const std::vector<Checked> checked = check(revisions);
        // Which of the given revisions the map keeps, in its order: all of them, unless an id is
        // empty or given twice.
        std::vector<qsizetype> kept;
        kept.reserve(size_t(revisions.size()));
        bool replaced = false;
        const auto keptId = [&](RevIndex i) -> const QString & { return revisions.at(kept[size_t(i)]).id; };
        m.m_idIndex.reserve(size_t(revisions.size()));
        for (qsizetype k = 0; k < revisions.size(); ++k) {
            const Revision &rev = revisions.at(k);
            const Checked &c = checked[size_t(k)];
            // Revision.__init__: self-loops first, then illegal characters.
            if (c.selfLoop) {
                report(Problem::Severity::Error, rev, ErrorKind::LoopDetected,
                       QStringLiteral("Self-loop is detected in revisions (%1)").arg(rev.id));
            } else if (c.dependencySelfLoop) {
                report(Problem::Severity::Error, rev, ErrorKind::DependencyLoopDetected,
                       QStringLiteral("Dependency self-loop is detected in revisions (%1)").arg(rev.id));
            }
            if (c.illegal != 0) {
                QStringList illegal;
                for (size_t b = 0; b < std::size(IllegalIdCharacters); ++b) {
                    if (c.illegal & (1u << b))
                        illegal.append(QString(QChar(IllegalIdCharacters[b])));
                }
                report(Problem::Severity::Error, rev, ErrorKind::RevisionError,
                       QStringLiteral("Character(s) '%1' not allowed in revision identifier '%2'")
                           .arg(illegal.join(QStringLiteral(", ")), rev.id));
            }
            if (rev.id.isEmpty()) {
                report(Problem::Severity::Error, rev, ErrorKind::RevisionError,
                       QStringLiteral("A revision has an empty identifier; give it a revision id"));
                continue;
            }
            const RevIndex found = m.m_idIndex.find(c.idHash, rev.id, keptId);
            if (found >= 0) {
                // Alembic warns and the later file wins, keeping the earlier one's place.
                report(Problem::Severity::Warning, rev, ErrorKind::DuplicateRevision,
                       QStringLiteral("Revision %1 is present more than once; the one in %2 is used")
                           .arg(rev.id, rev.path));
                // Alembic still maps the labels of the copy it drops (a clash when both carry one)
                const QStringList &droppedLabels = revisions.at(kept[size_t(found)]).branchLabels;
                if (!droppedLabels.isEmpty())
                    m_replacedLabels.emplace_back(found, droppedLabels);
                kept[size_t(found)] = k;
                replaced = true;
                continue;
            }
            m.m_idIndex.insert(c.idHash, RevIndex(kept.size()));
            kept.push_back(k);
        }
        if (!replaced && qsizetype(kept.size()) == revisions.size()) {
            m.m_revisions = std::move(revisions);
        } else {
            m.m_revisions.reserve(qsizetype(kept.size()));
            for (qsizetype k : kept)
                m.m_revisions.append(std::move(revisions[k]));
        }
        m.m_nodes.resize(kept.size());
        m.m_keyOrder.reserve(m.m_revisions.size());
        for (const Revision &rev : std::as_const(m.m_revisions))
            m.m_keyOrder.append(rev.id);
    }

    void mapBranchLabels()
    {
        // The labels of dropped duplicates first, then every revision's in order.
        const auto map = [&](RevIndex i, const QStringList &labels) {
            const Revision &rev = m.revision(i);
            for (const QString &label : labels) {
                const RevIndex found = m.indexOfKey(label);
                if (found >= 0) {
                    const QString &owner = m.id(found);
                    report(Problem::Severity::Error, rev, ErrorKind::RevisionError,
                           QStringLiteral("Branch name '%1' in revision %2 already used by revision %3")
                               .arg(label, rev.id, owner),
                           {rev.id, owner});
                    continue;
                }
                m.m_labelIndex.insert(label, i);
                m.m_keyOrder.append(label);
            }
        };
        for (const auto &[i, labels] : m_replacedLabels)
            map(i, labels);
        for (RevIndex i = 0; i < m.size(); ++i)
            map(i, m.revision(i).branchLabels);
    }

    // The names `names` of every revision become indexes on every core at once (a lookup only
    // reads the map), and keep(i, node, index) takes each that leads somewhere. The revisions
    // with a name that leads nowhere are then gone through again, in order, and missing(rev,
    // name) reports each such name: the problems come in the order one pass would give them.
    template <typename Lookup, typename Keep, typename Missing>
    void resolveNames(QStringList Revision::*names, Lookup lookup, Keep keep, Missing missing)
    {
        const std::vector<char> missed = forEachNode([&](RevIndex i, RevisionMap::Node &n) {
            prefetchAhead(i, m.size(), [&](qsizetype j) -> const Revision & { return m.revision(RevIndex(j)); });
            bool any = false;
            for (const QString &name : m.revision(i).*names) {
                const RevIndex target = lookup(name);
                if (target < 0)
                    any = true;
                else
                    keep(i, n, target);
            }
            return any;
        });
        for (RevIndex i = 0; i < m.size(); ++i) {
            if (!missed[size_t(i)])
                continue;
            const Revision &rev = m.revision(i);
            for (const QString &name : rev.*names) {
                if (lookup(name) < 0)
                    missing(rev, name);
            }
        }
    }

    void resolveDependencies()
    {
        resolveNames(
            &Revision::dependsOn, [&](const QString &dep) { return m.indexOfKey(dep); },
            [](RevIndex, RevisionMap::Node &n, RevIndex target) { appendUnique(n.deps, target); },
            [&](const Revision &rev, const QString &dep) {
                report(Problem::Severity::Error, rev, ErrorKind::MissingDependency,
                       QStringLiteral("Revision %1 depends on '%2', which is neither a revision "
                                      "nor a branch label; fix depends_on or restore that revision")
                           .arg(rev.id, dep),
                       {rev.id, dep});
            });
    }

    void linkParents()
    {
        resolveNames(
            &Revision::downRevisions, [&](const QString &down) { return m.indexOf(down); },
            [](RevIndex i, RevisionMap::Node &n, RevIndex parent) {
                if (parent != i) // a self-loop, reported already
                    appendUnique(n.down, parent);
            },
            [&](const Revision &rev, const QString &down) {
                report(Problem::Severity::Error, rev, ErrorKind::MissingRevision,
                       QStringLiteral("Revision %1 referenced from %2 is not present; restore "
                                      "that revision file or fix down_revision")
                           .arg(down, rev.id),
                       {rev.id, down});
            });
        forEachNode([](RevIndex i, RevisionMap::Node &n) {
            n.allDown = n.down;
            for (RevIndex d : n.deps) {
                if (d != i)
                    appendUnique(n.allDown, d);
            }
            return false;
        });
        for (RevIndex i = 0; i < m.size(); ++i) {
            const auto &n = m.m_nodes[size_t(i)];
            for (RevIndex d : n.allDown) {
                appendUnique(m.m_nodes[size_t(d)].allNext, i);
                if (contains(n.down, d))
                    appendUnique(m.m_nodes[size_t(d)].next, i);
            }
        }
        for (RevIndex i = 0; i < m.size(); ++i) {
            if (m.isHead(i))
                m.m_heads.push_back(i);
            if (m.isRealHead(i))
                m.m_realHeads.push_back(i);
            if (m.isBase(i))
                m.m_bases.push_back(i);
            if (m.isRealBase(i))
                m.m_realBases.push_back(i);
        }
    }

    // A dependency that a strict ancestor (through down_revision) already declares is dropped.
    void normalizeDependencies()
    {
        if (!normalizeByAncestorSets())
            normalizeByWalks();
        for (RevIndex i = 0; i < m.size(); ++i) {
            const auto &n = m.m_nodes[size_t(i)];
            for (RevIndex d : n.down)
                m.m_normDown.add(d);
            for (RevIndex d : n.normDeps) {
                if (d != i)
                    m.m_normDown.addUnique(d);
            }
            m.m_normDown.endRow();
        }
        m.m_normNext = m.m_normDown.reversed();
    }

    // Parents before children over down_revision edges; empty when there is a cycle.
    RevIndexes parentsFirstOrder() const
    {
        return parentsFirst(
            m.m_nodes.size(), [&](RevIndex i) -> const RevIndexes & { return m.m_nodes[size_t(i)].down; },
            [&](RevIndex i) -> const RevIndexes & { return m.m_nodes[size_t(i)].next; });
    }

    // Whether every revision can be put after all of its parents and dependencies: then there is
    // no cycle through either, and the two walks across the whole graph that name a cycle's
    // revisions are not needed.
    bool hasParentsFirstOrder() const
    {
        return m.isEmpty()
            || !parentsFirst(
                    m.m_nodes.size(), [&](RevIndex i) -> const RevIndexes & { return m.m_nodes[size_t(i)].allDown; },
                    [&](RevIndex i) -> const RevIndexes & { return m.m_nodes[size_t(i)].allNext; })
                    .empty();
    }

    // One pass in parents-first order, carrying for every revision the set of dependency targets
    // its strict ancestors declare (a bit per distinct target). Linear in the graph, where a walk
    // per revision is quadratic on long histories full of depends_on. False (nothing done) on a
    // cycle, or when the sets would be too large to be worth it.
    bool normalizeByAncestorSets()
    {
        std::vector<int> bitOf(size_t(m.size()), -1);
        int targets = 0;
        for (const auto &n : m.m_nodes) {
            for (RevIndex d : n.deps) {
                if (bitOf[size_t(d)] < 0)
                    bitOf[size_t(d)] = targets++;
            }
        }
        if (targets == 0)
            return true;
        const size_t words = size_t(targets + 63) / 64;
        if (words * size_t(m.size()) > (size_t(64) << 20) / sizeof(quint64)) // over 64 MB
            return false;
        const RevIndexes order = parentsFirstOrder();
        if (order.empty())
            return false;
        std::vector<quint64> declaredBelow(words * size_t(m.size()), 0);
        const auto row = [&](RevIndex i) { return declaredBelow.data() + words * size_t(i); };
        for (RevIndex i : order) {
            quint64 *mine = row(i);
            for (RevIndex p : m.m_nodes[size_t(i)].down) {
                const quint64 *theirs = row(p);
                for (size_t w = 0; w < words; ++w)
                    mine[w] |= theirs[w];
                for (RevIndex d : m.m_nodes[size_t(p)].deps) {
                    const int bit = bitOf[size_t(d)];
                    mine[size_t(bit) / 64] |= quint64(1) << (bit % 64);
                }
            }
            auto &n = m.m_nodes[size_t(i)];
            for (RevIndex d : n.deps) {
                const int bit = bitOf[size_t(d)];
                if (!(mine[size_t(bit) / 64] & (quint64(1) << (bit % 64))))
                    n.normDeps.push_back(d);
            }
        }
        return true;
    }

    // The general case, cycles included: one walk below each revision that has dependencies,
    // stopping once all are dropped.
    void normalizeByWalks()
    {
        std::vector<int> seenBy(size_t(m.size()), -1);
        RevIndexes stack;
        for (RevIndex i = 0; i < m.size(); ++i) {
            auto &n = m.m_nodes[size_t(i)];
            if (n.deps.empty())
                continue;
            std::vector<char> dropped(n.deps.size(), 0);
            size_t left = n.deps.size();
            stack.assign(n.down.begin(), n.down.end());
            while (!stack.empty() && left > 0) {
                const RevIndex cur = stack.back();
                stack.pop_back();
                if (cur == i || seenBy[size_t(cur)] == i)
                    continue;
                seenBy[size_t(cur)] = i;
                for (RevIndex d : m.m_nodes[size_t(cur)].deps) {
                    for (size_t k = 0; k < n.deps.size(); ++k) {
                        if (!dropped[k] && n.deps[k] == d) {
                            dropped[k] = 1;
                            --left;
                        }
                    }
                }
                for (RevIndex p : m.m_nodes[size_t(cur)].down)
                    stack.push_back(p);
            }
            for (size_t k = 0; k < n.deps.size(); ++k) {
                if (!dropped[k])
                    n.normDeps.push_back(n.deps[k]);
            }
        }
    }

    void detectCycles()
    {
        if (hasParentsFirstOrder())
            return;
        const auto check = [&](const RevIndexes &heads, RevisionMap::Edges edges, ErrorKind kind, const QString &what) {
            // Walk up from every revision with no present parent: the bases, and revisions whose
            // parents are all missing (reported already; not a cycle).
            RevIndexes bases;
            for (RevIndex i = 0; i < m.size(); ++i) {
                if (m.edgesDown(i, edges).empty())
                    bases.push_back(i);
            }
            QStringList involved;
            if (heads.empty() || bases.empty()) {
                for (const Revision &rev : std::as_const(m.m_revisions))
                    involved.append(rev.id);
            } else {
                const auto down = m.ancestors(heads, edges);
                const auto up = m.descendants(bases, edges);
                for (RevIndex i = 0; i < m.size(); ++i) {
                    if (!down[size_t(i)] || !up[size_t(i)])
                        involved.append(m.id(i));
                }
                std::sort(involved.begin(), involved.end());
            }
            if (involved.isEmpty())
                return false;
            const QString message =
                QStringLiteral("%1 is detected in revisions (%2)").arg(what, involved.join(QStringLiteral(", ")));
            m.m_fatal = GraphError::make(kind, message, involved);
            const RevIndex first = m.indexOf(involved.first());
            report(Problem::Severity::Error, m.revision(first), kind, message, involved);
            return true;
        };
        if (!check(m.m_heads, RevisionMap::Edges::Versioned, ErrorKind::CycleDetected, QStringLiteral("Cycle")))
            check(m.m_realHeads, RevisionMap::Edges::All, ErrorKind::DependencyCycleDetected,
                  QStringLiteral("Dependency cycle"));
    }

    // _add_branches: a label covers its revision's descendants, and when those form one plain
    // line, the ancestors below it down to the nearest branch point or merge point.
    // Alembic gives a branch label to every descendant of its revision and to the ancestors
    // down to the nearest branch or merge point. Each labelled revision's walk marks a bit per
    // node (a walk can cover the whole graph, so no strings are touched on the way); the labels
    // are then added in the labelled revisions' order, as one walk after another would.
    void propagateBranchLabels()
    {
        RevIndexes owners;
        for (RevIndex r = 0; r < m.size(); ++r) {
            if (!m.revision(r).branchLabels.isEmpty())
                owners.push_back(r);
        }
        const size_t words = (owners.size() + 63) / 64;
        std::vector<quint64> marks(size_t(m.size()) * words, 0);
        std::vector<int> seenBy(size_t(m.size()), -1); // which labelled revision's walk saw it
        const EdgeRows children = EdgeRows::gather(m.m_nodes, &RevisionMap::Node::next);
        for (size_t o = 0; o < owners.size(); ++o) {
            const RevIndex r = owners[o];
            const auto mark = [&](RevIndex node) {
                if (node != r)
                    marks[size_t(node) * words + o / 64] |= quint64(1) << (o % 64);
            };
            RevIndexes stack{r};
            RevIndex last = r;
            while (!stack.empty()) {
                const RevIndex cur = stack.back();
                stack.pop_back();
                if (seenBy[size_t(cur)] == int(o))
                    continue;
                seenBy[size_t(cur)] = int(o);
                const std::span<const RevIndex> below = children.of(cur);
                stack.insert(stack.end(), below.begin(), below.end());
                mark(cur);
                last = cur;
            }
            RevIndex parent = last;
            while (parent >= 0 && !m.isRealBranchPoint(parent) && !m.isMergePoint(parent)) {
                mark(parent);
                const auto &down = m.m_nodes[size_t(parent)].down;
                parent = down.empty() ? -1 : down.front();
            }
        }
        // Usually no label is given twice (a clash, reported earlier), and then no node's list
        // needs a search for what it already holds.
        QSet<QString> distinct;
        qsizetype given = 0;
        for (RevIndex owner : owners) {
            for (const QString &label : m.revision(owner).branchLabels) {
                distinct.insert(label);
                ++given;
            }
        }
        const bool unique = distinct.size() == given;
        const auto labelsOf = [&](RevIndex i) {
            QStringList labels = m.revision(i).branchLabels;
            if (!unique)
                labels.removeDuplicates();
            for (size_t w = 0; w < words; ++w) {
                for (quint64 bits = marks[size_t(i) * words + w]; bits != 0; bits &= bits - 1) {
                    const size_t o = w * 64 + size_t(std::countr_zero(bits));
                    for (const QString &label : m.revision(owners[o]).branchLabels) {
                        if (unique || !labels.contains(label))
                            labels.append(label);
                    }
                }
            }
            return labels;
        };
        // Most nodes carry no labels of their own and the same marks as their neighbours: they
        // share one list.
        std::unordered_map<std::string_view, QStringList> sharedLists;
        for (RevIndex i = 0; i < m.size(); ++i) {
            auto &n = m.m_nodes[size_t(i)];
            if (!m.revision(i).branchLabels.isEmpty()) {
                n.labels = labelsOf(i);
                continue;
            }
            const std::string_view key(reinterpret_cast<const char *>(marks.data() + size_t(i) * words),
                                       words * sizeof(quint64));
            auto [shared, inserted] = sharedLists.try_emplace(key);
            if (inserted)
                shared->second = labelsOf(i);
            n.labels = shared->second;
        }
    }

    RevisionMap &m;
    RevisionMap::Built m_built;
    std::vector<std::pair<RevIndex, QStringList>> m_replacedLabels; // labels of dropped duplicates
};

RevisionMap::Built RevisionMap::build(Revisions revisions)
{
    auto map = std::make_shared<RevisionMap>();
    Built built = RevisionMapBuilder(*map).run(std::move(revisions));
    built.map = std::move(map);
    return built;
}

QStringList RevisionMap::ids(std::span<const RevIndex> indexes) const
{
    QStringList out;
    out.reserve(qsizetype(indexes.size()));
    for (RevIndex i : indexes)
        out.append(id(i));
    return out;
}

RevIndex RevisionMap::indexOf(const QString &revId) const
{
    return m_idIndex.find(revId, idOf());
}

RevIndex RevisionMap::indexOfKey(const QString &key) const
{
    // A label that is also an id was refused when the map was built: at most one of them holds it.
    const RevIndex revision = m_idIndex.find(key, idOf());
    return revision >= 0 ? revision : m_labelIndex.value(key, -1);
}

bool RevisionMap::hasBranchLabel(RevIndex i, const QString &label) const
{
    return node(i).labels.contains(label);
}

std::span<const RevIndex> RevisionMap::edgesDown(RevIndex i, Edges e) const
{
    switch (e) {
    case Edges::Versioned:
        return node(i).down;
    case Edges::All:
        return node(i).allDown;
    case Edges::Normalized:
        break;
    }
    return m_normDown.of(i);
}

std::span<const RevIndex> RevisionMap::edgesUp(RevIndex i, Edges e) const
{
    return e == Edges::Versioned ? node(i).next : node(i).allNext;
}

std::vector<char> RevisionMap::ancestors(const RevIndexes &targets, Edges edges) const
{
    std::vector<char> seen(size_t(size()), 0);
    RevIndexes stack(targets);
    while (!stack.empty()) {
        const RevIndex cur = stack.back();
        stack.pop_back();
        if (seen[size_t(cur)])
            continue;
        seen[size_t(cur)] = 1;
        for (RevIndex d : edgesDown(cur, edges))
            stack.push_back(d);
    }
    return seen;
}

std::vector<char> RevisionMap::descendants(const RevIndexes &targets, Edges edges) const
{
    std::vector<char> seen(size_t(size()), 0);
    RevIndexes stack(targets);
    while (!stack.empty()) {
        const RevIndex cur = stack.back();
        stack.pop_back();
        if (seen[size_t(cur)])
            continue;
        seen[size_t(cur)] = 1;
        for (RevIndex d : edgesUp(cur, edges))
            stack.push_back(d);
    }
    return seen;
}

std::optional<GraphError> RevisionMap::checkOverlap(const RevIndexes &targets, bool upwards, Edges edges,
                                                    std::vector<char> *reached) const
{
    std::vector<char> seen(size_t(size()), 0);
    std::vector<char> isTarget(size_t(size()), 0);
    for (RevIndex t : targets)
        isTarget[size_t(t)] = 1;
    for (RevIndex t : targets) {
        RevIndexes stack{t};
        RevIndexes overlaps;
        while (!stack.empty()) {
            const RevIndex cur = stack.back();
            stack.pop_back();
            if (isTarget[size_t(cur)] && cur != t)
                appendUnique(overlaps, cur);
            if (seen[size_t(cur)])
                continue;
            seen[size_t(cur)] = 1;
            for (RevIndex d : upwards ? edgesUp(cur, edges) : edgesDown(cur, edges))
                stack.push_back(d);
        }
        if (!overlaps.empty()) {
            std::sort(overlaps.begin(), overlaps.end());
            return GraphError::make(ErrorKind::RevisionError,
                                    QStringLiteral("Requested revision %1 overlaps with other requested revisions %2")
                                        .arg(id(t), ids(overlaps).join(QStringLiteral(", "))),
                                    QStringList{id(t)} + ids(overlaps));
        }
    }
    if (reached)
        *reached = std::move(seen);
    return std::nullopt;
}

bool RevisionMap::sharesLineage(RevIndex target, const RevIndexes &against, bool includeDependencies) const
{
    if (against.empty())
        return true;
    const auto anc = ancestors({target}, includeDependencies ? Edges::Normalized : Edges::Versioned);
    const auto desc = descendants({target}, includeDependencies ? Edges::All : Edges::Versioned);
    for (RevIndex a : against) {
        if (anc[size_t(a)] || desc[size_t(a)])
            return true;
    }
    return false;
}

RevIndexes RevisionMap::normalizedParentsFirst() const
{
    return parentsFirst(
        m_nodes.size(), [this](RevIndex i) { return m_normDown.of(i); },
        [this](RevIndex i) { return m_normNext.of(i); });
}

// Alembic keeps one ancestor set per entry of its list of current heads and, before emitting a
// head, checks whether another entry's set holds it. Those sets are always the full ancestor sets
// of the entries (a plain step down only removes the emitted revision), so the check only needs
// to know whether the candidate has a child that is still an ancestor of some entry. `live`
// counts, per revision, the entries holding it plus its children that are still such ancestors;
// it only ever shrinks, so keeping it costs one visit per revision and edge.
RevIndexes RevisionMap::topologicalSort(const std::vector<char> &members, const RevIndexes &heads,
                                        size_t reachBudgetWords) const
{
    const size_t n = size_t(size());
    std::vector<char> todo(members);
    todo.resize(n, 0);

    RevIndexes current;
    std::vector<char> inCurrent(n, 0);
    for (RevIndex h : heads) {
        if (todo[size_t(h)] && !inCurrent[size_t(h)]) {
            current.push_back(h);
            inCurrent[size_t(h)] = 1;
        }
    }
    std::sort(current.begin(), current.end()); // load order

    std::vector<int> live(n, 0);
    {
        const std::vector<char> covered = ancestors(current, Edges::Normalized);
        for (size_t v = 0; v < n; ++v) {
            if (covered[v]) {
                for (RevIndex d : m_normDown.of(RevIndex(v)))
                    ++live[size_t(d)];
            }
        }
        for (RevIndex h : current)
            ++live[size_t(h)];
    }
    RevIndexes cascade;
    const auto release = [&](RevIndex v) {
        if (--live[size_t(v)] > 0)
            return;
        cascade.push_back(v);
        while (!cascade.empty()) {
            const RevIndex gone = cascade.back();
            cascade.pop_back();
            for (RevIndex d : m_normDown.of(gone)) {
                if (--live[size_t(d)] == 0)
                    cascade.push_back(d);
            }
        }
    };

    // The first entry (in list order) that has `candidate` among its ancestors, searching upwards
    // through the revisions that are still ancestors of some entry; -1 when there is none.
    // A revision counts as seen by a walk when it carries that walk's number: nothing to clear
    // between walks.
    std::vector<int> seenBy(n, 0);
    int walk = 0;
    RevIndexes stack;
    // The walk stops early once it reaches the first entry that could be the answer: in a long
    // branchy history it would otherwise cross most of the graph once per merge.
    const auto firstEntryAbove = [&](RevIndex candidate) -> qsizetype {
        const RevIndex firstPossible = current.front() != candidate ? current.front()
            : current.size() > 1                                    ? current[1]
                                                                    : -1;
        ++walk;
        stack.assign(1, candidate);
        bool reached = false;
        while (!stack.empty() && !reached) {
            const RevIndex cur = stack.back();
            stack.pop_back();
            for (RevIndex above : m_normNext.of(cur)) {
                if (live[size_t(above)] > 0 && seenBy[size_t(above)] != walk) {
                    seenBy[size_t(above)] = walk;
                    stack.push_back(above);
                    if (above == firstPossible) {
                        reached = true;
                        break;
                    }
                }
            }
        }
        for (qsizetype j = 0; j < qsizetype(current.size()); ++j) {
            if (seenBy[size_t(current[size_t(j)])] == walk && current[size_t(j)] != candidate)
                return j;
        }
        return -1;
    };

    // Every path from a candidate up to an entry runs through pending revisions, so "the first
    // entry above" is also the first entry that has the candidate as a static ancestor. Only
    // branch points and starting entries can be asked about: any other revision reaches the list
    // from its only child, which has left by then. The table is built at the first question (a
    // walk that never switches branches does not pay for it), when every starting entry that can
    // be asked about is still listed; a revision it does not cover is searched for instead.
    std::optional<AncestorBits> below;
    bool belowTried = false;
    const auto buildBelow = [&] {
        belowTried = true;
        std::vector<char> askable(n, 0);
        size_t count = 0;
        for (size_t v = 0; v < n; ++v) {
            askable[v] = m_normNext.of(RevIndex(v)).size() > 1;
            count += size_t(askable[v]);
        }
        for (RevIndex h : current) {
            count += size_t(!askable[size_t(h)]);
            askable[size_t(h)] = 1;
        }
        if (count > 0 && AncestorBits::wordsFor(n, count) <= reachBudgetWords) {
            const RevIndexes order = normalizedParentsFirst();
            if (!order.empty())
                below.emplace(
                    order, [this](RevIndex i) { return m_normDown.of(i); }, askable);
        }
    };
    const auto firstEntryAboveOf = [&](RevIndex candidate) -> qsizetype {
        if (!belowTried)
            buildBelow();
        if (!below || !below->isChosen(candidate))
            return firstEntryAbove(candidate);
        for (qsizetype j = 0; j < qsizetype(current.size()); ++j) {
            if (below->isBelow(candidate, current[size_t(j)]))
                return j;
        }
        return -1;
    };

    RevIndexes output;
    size_t idx = 0;
    RevIndexes toAdd;
    while (!current.empty()) {
        const RevIndex candidate = current[idx];
        if (live[size_t(candidate)] > 1) {
            // a child of ours is still below another entry: walk that entry first
            const qsizetype other = firstEntryAboveOf(candidate);
            if (other >= 0) {
                idx = size_t(other);
                continue;
            }
        }
        if (todo[size_t(candidate)]) {
            output.push_back(candidate);
            todo[size_t(candidate)] = 0;
        }
        toAdd.clear();
        for (RevIndex r : m_normDown.of(candidate)) {
            if (todo[size_t(r)] && !inCurrent[size_t(r)])
                toAdd.push_back(r);
        }
        inCurrent[size_t(candidate)] = 0;
        if (toAdd.empty()) {
            current.erase(current.begin() + qsizetype(idx));
            idx = idx > 0 ? idx - 1 : 0;
        } else {
            current[idx] = toAdd.front();
            current.insert(current.end(), toAdd.begin() + 1, toAdd.end());
            for (RevIndex r : toAdd) {
                inCurrent[size_t(r)] = 1;
                ++live[size_t(r)];
            }
        }
        release(candidate);
    }
    // Members the heads do not lead to are left out; callers compare sizes (Alembic asserts).
    return output;
}

} // namespace retort
