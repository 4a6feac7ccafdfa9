#include "graph/History.h"

namespace retort {

Result<RevIndexes> History::walk(const QString &base, const QString &head) const
{
    if (m.fatalError())
        return *m.fatalError();
    const QString lower = base.isEmpty() ? QStringLiteral("base") : base;
    const QString upper = head.isEmpty() ? QStringLiteral("heads") : head;
    auto sel = range.collectUpgrade(upper, QStringList{lower}, true, true, false, false);
    if (!sel) {
        if (sel.error().kind == ErrorKind::RangeNotAncestorError) {
            return GraphError::make(sel.error().kind,
                                    QStringLiteral("Requested range %1:%2 does not refer to ancestor/descendant "
                                                   "revisions along the same branch")
                                        .arg(lower, upper),
                                    {lower, upper});
        }
        return sel.error();
    }
    return range.iterate(*sel);
}

Result<RevIndexes> History::walkRange(const QString &rangeText) const
{
    if (!rangeText.contains(u':')) {
        return GraphError::make(ErrorKind::CommandError,
                                QStringLiteral("History range requires [start]:[end], [start]:, or :[end]"));
    }
    const QStringList parts = rangeText.trimmed().split(u':');
    if (parts.size() != 2) {
        return GraphError::make(
            ErrorKind::CommandError,
            QStringLiteral("History range takes one ':' between start and end, got '%1'").arg(rangeText));
    }
    return walk(parts[0], parts[1]);
}

History::Flags History::flags(RevIndex i) const
{
    Flags f;
    f.isHead = m.isHead(i);
    f.isRealHead = m.isRealHead(i);
    f.isEffectiveHead = f.isHead && !f.isRealHead;
    f.isBase = m.isBase(i);
    f.isBranchPoint = m.isBranchPoint(i);
    f.isMergePoint = m.isMergePoint(i);
    return f;
}

} // namespace retort
