#include "graph/HeadMaintainer.h"

#include "graph/Resolver.h"

#include <algorithm>

namespace retort {

namespace {

GraphError assertion(const QString &message)
{
    return GraphError::make(ErrorKind::AssertionError, message);
}

} // namespace

HeadMaintainer::HeadMaintainer(const RevisionMap &map, const QStringList &heads)
    : m(map)
    , m_anchors(size_t(map.size()), 0)
    , m_live(size_t(map.size()), 0)
    , m_seen(size_t(map.size()), 0)
{
    for (const QString &h : heads) {
        if (!m_heads.contains(h)) {
            m_heads.append(h);
            track(h);
        }
    }
}

void HeadMaintainer::raise(RevIndex v)
{
    m_stack.assign(1, v);
    while (!m_stack.empty()) {
        const RevIndex cur = m_stack.back();
        m_stack.pop_back();
        if (m_live[size_t(cur)]++ == 0) {
            for (RevIndex d : m.normalizedDownRevisions(cur))
                m_stack.push_back(d);
        }
    }
}

void HeadMaintainer::lower(RevIndex v)
{
    m_stack.assign(1, v);
    while (!m_stack.empty()) {
        const RevIndex cur = m_stack.back();
        m_stack.pop_back();
        if (--m_live[size_t(cur)] == 0) {
            for (RevIndex d : m.normalizedDownRevisions(cur))
                m_stack.push_back(d);
        }
    }
}

// A row is almost always a full revision id; anything else goes through the resolver once.
static bool plainId(const QString &row)
{
    return !row.contains(u'@') && !row.contains(u'-') && row != u"head" && row != u"heads" && row != u"base";
}

void HeadMaintainer::track(const QString &row)
{
    if (plainId(row)) {
        if (const RevIndex r = m.indexOf(row); r >= 0) {
            ++m_anchors[size_t(r)];
            raise(r);
            return;
        }
    }
    auto found = m_resolved.constFind(row);
    if (found == m_resolved.cend() && !m_unresolved.contains(row)) {
        auto resolved = Resolver(m).revisions(QStringList{row});
        if (!resolved) {
            m_unresolved.insert(row, resolved.error());
            return;
        }
        RevIndexes real;
        for (RevIndex r : *resolved) {
            if (r >= 0)
                real.push_back(r);
        }
        found = m_resolved.insert(row, real);
    }
    if (found == m_resolved.cend())
        return;
    for (RevIndex r : *found) {
        ++m_anchors[size_t(r)];
        raise(r);
    }
}

void HeadMaintainer::untrack(const QString &row)
{
    if (plainId(row)) {
        if (const RevIndex r = m.indexOf(row); r >= 0) {
            --m_anchors[size_t(r)];
            lower(r);
            return;
        }
    }
    const auto found = m_resolved.constFind(row);
    if (found == m_resolved.cend())
        return;
    for (RevIndex r : *found) {
        --m_anchors[size_t(r)];
        lower(r);
    }
}

QStringList HeadMaintainer::heads() const
{
    QStringList sorted = m_heads;
    std::sort(sorted.begin(), sorted.end());
    return sorted;
}

std::optional<GraphError> HeadMaintainer::insert(const QString &v, QList<VersionOp> &ops)
{
    if (m_heads.contains(v))
        return assertion(QStringLiteral("Version %1 is already in the version table").arg(v));
    m_heads.append(v);
    track(v);
    ops.append(VersionOp{VersionOp::Kind::Insert, QString(), v});
    return std::nullopt;
}

std::optional<GraphError> HeadMaintainer::remove(const QString &v, QList<VersionOp> &ops)
{
    if (!m_heads.removeOne(v))
        return GraphError::make(ErrorKind::KeyError, QStringLiteral("Version %1 is not in the version table").arg(v),
                                {v});
    untrack(v);
    ops.append(VersionOp{VersionOp::Kind::Delete, v, QString()});
    return std::nullopt;
}

std::optional<GraphError> HeadMaintainer::update(const QString &from, const QString &to, QList<VersionOp> &ops)
{
    if (m_heads.contains(to))
        return assertion(QStringLiteral("Version %1 is already in the version table").arg(to));
    if (!m_heads.removeOne(from))
        return GraphError::make(ErrorKind::KeyError, QStringLiteral("Version %1 is not in the version table").arg(from),
                                {from});
    m_heads.append(to);
    track(to);
    untrack(from);
    ops.append(VersionOp{VersionOp::Kind::Update, from, to});
    return std::nullopt;
}

Result<std::vector<char>> HeadMaintainer::coveredByOthers(std::span<const RevIndex> nodes, const QStringList &exclude)
{
    // the rows left out, and how often each revision is named by them
    QStringList excluded;
    for (const QString &h : m_heads) {
        if (exclude.contains(h)) {
            excluded.append(h);
        } else if (const auto e = m_unresolved.constFind(h); e != m_unresolved.cend()) {
            return *e;
        }
    }
    const auto namedByOthers = [&](RevIndex v) {
        int count = m_anchors[size_t(v)];
        for (const QString &h : std::as_const(excluded)) {
            if (plainId(h) && m.indexOf(h) >= 0) {
                count -= m.indexOf(h) == v ? 1 : 0;
                continue;
            }
            for (RevIndex r : m_resolved.value(h))
                count -= r == v ? 1 : 0;
        }
        return count > 0;
    };
    std::vector<char> out(nodes.size(), 0);
    for (size_t k = 0; k < nodes.size(); ++k) {
        const RevIndex start = nodes[k];
        if (m_live[size_t(start)] == 0)
            continue; // below no row at all
        bool covered = namedByOthers(start);
        RevIndexes stack{start};
        while (!stack.empty() && !covered) {
            const RevIndex cur = stack.back();
            stack.pop_back();
            for (RevIndex up : m.normalizedChildren(cur)) {
                if (m_live[size_t(up)] > 0 && !m_seen[size_t(up)]) {
                    m_seen[size_t(up)] = 1;
                    m_visited.push_back(up);
                    covered = covered || namedByOthers(up);
                    stack.push_back(up);
                }
            }
        }
        for (RevIndex v : m_visited)
            m_seen[size_t(v)] = 0;
        m_visited.clear();
        out[k] = covered ? 1 : 0;
    }
    return out;
}

// _unmerge_to_revisions: the parents that no other remaining head already covers.
Result<QStringList> HeadMaintainer::unmergeTo(RevIndex rev)
{
    const std::span<const RevIndex> down = m.normalizedDownRevisions(rev);
    auto covered = coveredByOthers(down, QStringList{m.id(rev)});
    if (!covered)
        return covered.error();
    QStringList out;
    for (size_t k = 0; k < down.size(); ++k) {
        if (!(*covered)[k])
            out.append(m.id(down[k]));
    }
    return out;
}

Result<QList<VersionOp>> HeadMaintainer::apply(const MaintainerStep &step)
{
    QList<VersionOp> ops;
    std::optional<GraphError> err;
    if (step.type == MaintainerStep::Type::Stamp) {
        const bool createsBranch = [&] {
            if (!step.upgrade)
                return false;
            bool fromMissing = false;
            for (const QString &f : step.from)
                fromMissing = fromMissing || !m_heads.contains(f);
            bool toMissing = false;
            for (const QString &t : step.to)
                toMissing = toMissing || !m_heads.contains(t);
            return (step.branchMove || fromMissing) && toMissing;
        }();
        if (!step.upgrade && step.branchMove) {
            err = remove(step.from.value(0), ops);
        } else if (createsBranch) {
            err = insert(step.to.value(0), ops);
        } else if (step.from.size() > 1) {
            for (qsizetype i = 0; i + 1 < step.from.size() && !err; ++i)
                err = remove(step.from[i], ops);
            if (!err)
                err = update(step.from.back(), step.to.value(0), ops);
        } else if (step.to.size() > 1) {
            for (qsizetype i = 0; i + 1 < step.to.size() && !err; ++i)
                err = insert(step.to[i], ops);
            if (!err)
                err = update(step.from.value(0), step.to.back(), ops);
        } else {
            if (step.from.size() != 1 || step.to.size() != 1)
                return assertion(QStringLiteral("A stamp step needs exactly one row to update"));
            err = update(step.from.front(), step.to.front(), ops);
        }
        if (err)
            return *err;
        return ops;
    }

    const RevIndex rev = step.revision;
    const QString &id = m.id(rev);
    const std::span<const RevIndex> down = m.normalizedDownRevisions(rev);
    QStringList downIds = m.ids(down);
    QStringList present;
    for (const QString &d : std::as_const(downIds)) {
        if (m_heads.contains(d))
            present.append(d);
    }
    const bool inHeads = m_heads.contains(id);

    if (!step.upgrade && inHeads) {
        bool deleteBranch = down.empty();
        QStringList unmerge;
        if (!deleteBranch) {
            auto to = unmergeTo(rev);
            if (!to)
                return to.error();
            unmerge = *to;
            deleteBranch = unmerge.isEmpty();
        }
        if (deleteBranch) {
            err = remove(id, ops);
        } else if (down.size() > 1) {
            for (qsizetype i = 0; i + 1 < unmerge.size() && !err; ++i)
                err = insert(unmerge[i], ops);
            if (!err)
                err = update(id, unmerge.back(), ops);
        }
        if (err)
            return *err;
        if (!ops.isEmpty())
            return ops;
    }
    if (step.upgrade && (down.empty() || present.isEmpty())) {
        err = insert(id, ops);
    } else if (step.upgrade && down.size() > 1 && present.size() > 1) {
        // merge: delete all but one parent row, update the last; parents below other heads stay
        auto covered = coveredByOthers(down, downIds);
        if (!covered)
            return covered.error();
        QStringList from;
        for (size_t k = 0; k < down.size(); ++k) {
            if (!(*covered)[k])
                from.append(m.id(down[k]));
        }
        if (from.isEmpty())
            return assertion(QStringLiteral("Merge %1 has no parent row to update").arg(id));
        for (qsizetype i = 0; i + 1 < from.size() && !err; ++i)
            err = remove(from[i], ops);
        if (!err)
            err = update(from.back(), id, ops);
    } else {
        QString parent;
        if (down.size() != 1) {
            if (present.size() != 1)
                return assertion(QStringLiteral("Can't do an UPDATE because downrevision is ambiguous"));
            parent = present.front();
        } else {
            parent = downIds.front();
        }
        err = step.upgrade ? update(parent, id, ops) : update(id, parent, ops);
    }
    if (err)
        return *err;
    return ops;
}

} // namespace retort
