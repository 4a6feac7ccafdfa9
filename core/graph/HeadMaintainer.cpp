#include "graph/HeadMaintainer.h"

#include "graph/Resolver.h"

#include <algorithm>

namespace retort {

namespace {

GraphError assertion(const QString &message)
{
    return GraphError::make(QStringLiteral("AssertionError"), message);
}

} // namespace

HeadMaintainer::HeadMaintainer(const RevisionMap &map, const QStringList &heads) : m(map)
{
    for (const QString &h : heads) {
        if (!m_heads.contains(h))
            m_heads.append(h);
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
    ops.append(VersionOp{VersionOp::Kind::Insert, QString(), v});
    return std::nullopt;
}

std::optional<GraphError> HeadMaintainer::remove(const QString &v, QList<VersionOp> &ops)
{
    if (!m_heads.removeOne(v))
        return GraphError::make(QStringLiteral("KeyError"),
                                QStringLiteral("Version %1 is not in the version table").arg(v), {v});
    ops.append(VersionOp{VersionOp::Kind::Delete, v, QString()});
    return std::nullopt;
}

std::optional<GraphError> HeadMaintainer::update(const QString &from, const QString &to, QList<VersionOp> &ops)
{
    if (m_heads.contains(to))
        return assertion(QStringLiteral("Version %1 is already in the version table").arg(to));
    if (!m_heads.removeOne(from))
        return GraphError::make(QStringLiteral("KeyError"),
                                QStringLiteral("Version %1 is not in the version table").arg(from), {from});
    m_heads.append(to);
    ops.append(VersionOp{VersionOp::Kind::Update, from, to});
    return std::nullopt;
}

Result<std::vector<char>> HeadMaintainer::ancestorsOfOthers(const QStringList &exclude) const
{
    QStringList others;
    for (const QString &h : m_heads) {
        if (!exclude.contains(h))
            others.append(h);
    }
    auto resolved = Resolver(m).revisions(others);
    if (!resolved)
        return resolved.error();
    RevIndexes real;
    for (RevIndex r : *resolved) {
        if (r >= 0)
            real.push_back(r);
    }
    return m.ancestors(real, RevisionMap::Edges::Normalized);
}

// _unmerge_to_revisions: the parents that no other remaining head already covers.
Result<QStringList> HeadMaintainer::unmergeTo(RevIndex rev) const
{
    const RevIndexes &down = m.normalizedDownRevisions(rev);
    auto covered = ancestorsOfOthers(QStringList{m.id(rev)});
    if (!covered)
        return covered.error();
    QStringList out;
    for (RevIndex d : down) {
        if (!(*covered)[size_t(d)])
            out.append(m.id(d));
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
    const RevIndexes &down = m.normalizedDownRevisions(rev);
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
        auto covered = ancestorsOfOthers(downIds);
        if (!covered)
            return covered.error();
        QStringList from;
        for (RevIndex d : down) {
            if (!(*covered)[size_t(d)])
                from.append(m.id(d));
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
