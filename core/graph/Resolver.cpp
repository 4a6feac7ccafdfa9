#include "graph/Resolver.h"

#include <QRegularExpression>

#include <algorithm>
#include <set>

namespace retort {

namespace {

GraphError revisionError(const QString &message)
{
    return GraphError::make(ErrorKind::RevisionError, message);
}

GraphError resolutionError(const QString &message, const QString &argument)
{
    return GraphError::make(ErrorKind::ResolutionError, message, {}, argument);
}

// Python's int() on a string, enough for revision identifiers.
std::optional<long long> pythonInt(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^\\s*([+-]?\\d+(?:_\\d+)*)\\s*$"),
                                       QRegularExpression::UseUnicodePropertiesOption);
    const auto match = re.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    QString digits = match.captured(1);
    digits.remove(u'_');
    bool ok = false;
    const long long value = digits.toLongLong(&ok);
    return ok ? std::optional<long long>(value) : std::nullopt;
}

// Alembic's _relative_destination, matched at the start only (re.match).
struct Relative
{
    std::optional<QString> label;
    std::optional<QString> symbol;
    QString relative;
};

std::optional<Relative> matchRelative(const QString &target)
{
    static const QRegularExpression re(QStringLiteral("(?:(.+?)@)?(\\w+)?((?:\\+|-)\\d+)"),
                                       QRegularExpression::UseUnicodePropertiesOption);
    const auto match =
        re.match(target, 0, QRegularExpression::NormalMatch, QRegularExpression::AnchorAtOffsetMatchOption);
    if (!match.hasMatch())
        return std::nullopt;
    Relative r;
    if (match.capturedStart(1) >= 0)
        r.label = match.captured(1);
    if (match.capturedStart(2) >= 0)
        r.symbol = match.captured(2);
    r.relative = match.captured(3);
    return r;
}

QString producedMessage(const QString &relative, long long count)
{
    return QStringLiteral("Relative revision %1 didn't produce %2 migrations").arg(relative).arg(count);
}

GraphError emptyIdentifier()
{
    return GraphError::make(ErrorKind::AssertionError,
                            QStringLiteral("An empty revision identifier names no revision"));
}

bool truthy(const std::optional<QString> &s)
{
    return s && !s->isEmpty();
}

} // namespace

Result<Resolver::Number> Resolver::resolveNumber(const QString &identifier) const
{
    Number n;
    QString ident = identifier;
    const qsizetype at = ident.indexOf(u'@');
    if (at >= 0) {
        n.branchLabel = ident.left(at);
        ident = ident.mid(at + 1);
    }
    if (ident == u"heads") {
        if (truthy(n.branchLabel)) {
            auto filtered = filterForLineage(m.heads(), *n.branchLabel);
            if (!filtered)
                return filtered.error();
            n.ids = m.ids(*filtered);
        } else {
            n.ids = m.ids(m.realHeads());
        }
    } else if (ident == u"head") {
        auto head = currentHead(n.branchLabel.value_or(QString()));
        if (!head)
            return head.error();
        if (*head >= 0)
            n.ids = QStringList{m.id(*head)};
    } else if (ident != u"base") {
        n.ids = QStringList{ident};
    }
    return n;
}

Result<RevIndex> Resolver::currentHead(const QString &branchLabel) const
{
    RevIndexes heads = m.heads();
    if (!branchLabel.isEmpty()) {
        auto filtered = filterForLineage(heads, branchLabel);
        if (!filtered)
            return filtered.error();
        heads = *filtered;
    }
    if (heads.size() > 1) {
        const QString argument = branchLabel.isEmpty() ? QStringLiteral("head") : branchLabel + u"@head";
        const QStringList ids = m.ids(heads);
        return GraphError::make(ErrorKind::MultipleHeads,
                                QStringLiteral("Multiple heads are present for given argument '%1'; %2")
                                    .arg(argument, ids.join(QStringLiteral(", "))),
                                ids, argument);
    }
    return heads.empty() ? NoRevision : heads.front();
}

Result<RevIndex> Resolver::resolveBranch(const QString &label) const
{
    const RevIndex exact = m.indexOfKey(label);
    if (exact >= 0)
        return exact;
    auto found = revisionForIdent(label);
    if (!found && found.error().kind == ErrorKind::ResolutionError)
        return resolutionError(QStringLiteral("No such branch: '%1'").arg(label), label);
    return found;
}

Result<RevIndex> Resolver::revisionForIdent(const QString &ident, const std::optional<QString> &checkBranch) const
{
    RevIndex branchRev = NoRevision;
    if (truthy(checkBranch)) {
        auto b = resolveBranch(*checkBranch);
        if (!b)
            return b.error();
        branchRev = *b;
    }
    if (ident.isEmpty())
        return NoRevision;
    RevIndex revision = m.indexOfKey(ident);
    if (revision < 0) {
        QStringList candidates;
        for (const QString &key : m.keys()) {
            if (key.size() > 3 && key.startsWith(ident))
                candidates.append(key);
        }
        if (branchRev >= 0) {
            auto anchors = lineageAnchors(*checkBranch);
            if (!anchors)
                return anchors.error();
            QStringList kept;
            for (const QString &key : std::as_const(candidates)) {
                if (m.sharesLineage(m.indexOfKey(key), *anchors, false))
                    kept.append(key);
            }
            candidates = kept;
        }
        if (candidates.isEmpty()) {
            return resolutionError(QStringLiteral("No such revision or branch '%1'%2")
                                       .arg(ident,
                                            ident.size() < 4
                                                ? QStringLiteral("; please ensure at least four characters are "
                                                                 "present for partial revision identifier matches")
                                                : QString()),
                                   ident);
        }
        if (candidates.size() > 1) {
            QStringList quoted;
            for (const QString &key : candidates.mid(0, 3))
                quoted.append(u'\'' + key + u'\'');
            return resolutionError(QStringLiteral("Multiple revisions start with '%1': %2...")
                                       .arg(ident, quoted.join(QStringLiteral(", "))),
                                   ident);
        }
        revision = m.indexOfKey(candidates.front());
    }
    if (truthy(checkBranch) && branchRev >= 0 && !m.sharesLineage(revision, {branchRev}, false)) {
        return resolutionError(
            QStringLiteral("Revision %1 is not a member of branch '%2'").arg(m.id(revision), *checkBranch), ident);
    }
    return revision;
}

Result<RevIndexes> Resolver::lineageAnchors(const QString &checkAgainst) const
{
    auto number = resolveNumber(checkAgainst);
    if (!number)
        return number.error();
    QStringList shares;
    if (truthy(number->branchLabel))
        shares.append(*number->branchLabel);
    shares += number->ids;
    RevIndexes anchors;
    for (const QString &s : std::as_const(shares)) {
        auto r = revisionForIdent(s);
        if (!r)
            return r.error();
        if (*r >= 0)
            anchors.push_back(*r);
    }
    if (anchors.empty() && !shares.isEmpty())
        anchors.push_back(NoRevision); // Alembic compares against None: nothing shares with it
    return anchors;
}

Result<RevIndexes> Resolver::filterForLineage(const RevIndexes &targets, const QString &checkAgainst,
                                              bool includeDependencies) const
{
    auto anchors = lineageAnchors(checkAgainst);
    if (!anchors)
        return anchors.error();
    RevIndexes real;
    for (RevIndex a : *anchors) {
        if (a >= 0)
            real.push_back(a);
    }
    const bool none = real.empty() && !anchors->empty();
    RevIndexes out;
    for (RevIndex t : targets) {
        if (t < 0)
            continue;
        if (!none && m.sharesLineage(t, real, includeDependencies))
            out.push_back(t);
    }
    return out;
}

Result<RevIndexes> Resolver::revisions(const QStringList &identifiers) const
{
    RevIndexes out;
    for (const QString &ident : identifiers) {
        auto r = revisions(ident);
        if (!r)
            return r.error();
        out.insert(out.end(), r->begin(), r->end());
    }
    return out;
}

Result<RevIndexes> Resolver::revisions(const QString &identifier) const
{
    auto number = resolveNumber(identifier);
    if (!number)
        return number.error();
    if (number->ids.size() == 1) {
        const auto steps = pythonInt(number->ids.front());
        if (steps && *steps < 0) {
            auto heads = revisions(QStringLiteral("heads"));
            if (!heads)
                return heads.error();
            RevIndexes out;
            for (RevIndex head : *heads) {
                if (number->branchLabel && !m.hasBranchLabel(head, *number->branchLabel))
                    continue;
                auto w = walk(head, int(*steps));
                if (!w)
                    return w.error();
                out.push_back(*w);
            }
            return out;
        }
    }
    RevIndexes out;
    for (const QString &id : std::as_const(number->ids)) {
        if (id.isEmpty())
            return emptyIdentifier();
        auto r = revisionForIdent(id, number->branchLabel);
        if (!r)
            return r.error();
        out.push_back(*r);
    }
    return out;
}

Result<RevIndex> Resolver::revision(const QString &identifier) const
{
    auto number = resolveNumber(identifier);
    if (!number)
        return number.error();
    if (number->ids.size() > 1) {
        return GraphError::make(ErrorKind::MultipleHeads,
                                QStringLiteral("Multiple heads are present for given argument '%1'; %2")
                                    .arg(identifier, number->ids.join(QStringLiteral(", "))),
                                number->ids, identifier);
    }
    if (!number->ids.isEmpty() && number->ids.front().isEmpty())
        return emptyIdentifier();
    return revisionForIdent(number->ids.isEmpty() ? QString() : number->ids.front(), number->branchLabel);
}

Result<RevIndex> Resolver::walk(RevIndex start, int steps, const QString &branchLabel, bool noOverwalk) const
{
    RevIndex initial = start;
    for (int i = 0; i < std::abs(steps); ++i) {
        RevIndexes children;
        if (steps > 0) {
            if (initial == BaseMarker)
                return revisionError(QStringLiteral("Can't walk up from below base"));
            const RevIndexes &up = initial == NoRevision ? m.bases() : m.children(initial);
            if (!branchLabel.isEmpty()) {
                auto f = filterForLineage(up, branchLabel);
                if (!f)
                    return f.error();
                children = *f;
            } else {
                children = up;
            }
        } else if (initial != BaseMarker) {
            Result<RevIndexes> down =
                initial == NoRevision ? Result<RevIndexes>(m.heads()) : revisions(m.revision(initial).downRevisions);
            if (!down)
                return down.error();
            children = *down;
            if (children.empty())
                children.push_back(BaseMarker);
        }
        if (children.empty())
            return noOverwalk ? NoRevision : initial;
        if (children.size() > 1)
            return revisionError(QStringLiteral("Ambiguous walk"));
        initial = children.front();
    }
    return initial;
}

Result<RevIndex> Resolver::walkFromString(const QString &start, int steps, const QString &label, bool noOverwalk) const
{
    auto s = revision(start);
    if (!s)
        return s.error();
    return walk(*s, steps, label, noOverwalk);
}

Result<RevIndexes> Resolver::allCurrent(const QStringList &currentHeads) const
{
    auto top = revisions(currentHeads);
    if (!top)
        return top.error();
    RevIndexes real;
    for (RevIndex r : *top) {
        if (r >= 0)
            real.push_back(r);
    }
    const auto all = m.ancestors(real, RevisionMap::Edges::Normalized);
    RevIndexes out;
    for (RevIndex i = 0; i < m.size(); ++i) {
        if (!all[size_t(i)])
            continue;
        // the set is closed downwards, so a descendant in it means a child in it
        bool hasDescendantInSet = false;
        for (RevIndex c : m.children(i))
            hasDescendantInSet = hasDescendantInSet || all[size_t(c)];
        if (!hasDescendantInSet)
            out.push_back(i);
    }
    return out;
}

Result<RevIndexes> Resolver::upgradeTargets(const QStringList &currentHeads, const QString &target,
                                            bool assertRelativeLength) const
{
    const auto rel = matchRelative(target);
    if (!rel)
        return revisions(target);
    const long long relative = pythonInt(rel->relative).value_or(0);
    const QString label = rel->label.value_or(QString());
    if (relative > 0) {
        if (!rel->symbol) {
            RevIndex start = NoRevision;
            if (!label.isEmpty()) {
                auto current = revisions(currentHeads);
                if (!current)
                    return current.error();
                auto startRevs = filterForLineage(*current, label);
                if (!startRevs)
                    return startRevs.error();
                RevIndexes starts = *startRevs;
                if (starts.empty()) {
                    RevIndexes real;
                    for (RevIndex r : *current) {
                        if (r >= 0)
                            real.push_back(r);
                    }
                    const auto anc = m.ancestors(real, RevisionMap::Edges::Normalized);
                    RevIndexes ancList;
                    for (RevIndex i = 0; i < m.size(); ++i) {
                        if (anc[size_t(i)])
                            ancList.push_back(i);
                    }
                    auto active = filterForLineage(ancList, label);
                    if (!active)
                        return active.error();
                    std::set<RevIndex> below;
                    for (RevIndex a : *active) {
                        for (RevIndex d : m.normalizedDownRevisions(a))
                            below.insert(d);
                    }
                    for (RevIndex a : *active) {
                        if (!below.count(a))
                            starts.push_back(a);
                    }
                }
                if (starts.size() > 1)
                    return revisionError(QStringLiteral("Ambiguous upgrade from multiple current revisions"));
                start = starts.empty() ? NoRevision : starts.front();
            } else if (!currentHeads.isEmpty()) {
                if (currentHeads.size() > 1)
                    return revisionError(QStringLiteral("Ambiguous upgrade from multiple current revisions"));
                auto s = revision(currentHeads.front());
                if (!s)
                    return s.error();
                start = *s;
            }
            auto walked = walk(start, int(relative), label, assertRelativeLength);
            if (!walked)
                return walked.error();
            if (*walked == NoRevision)
                return revisionError(producedMessage(rel->relative, relative));
            return RevIndexes{*walked};
        }
        auto walked = walkFromString(*rel->symbol, int(relative), label, assertRelativeLength);
        if (!walked)
            return walked.error();
        return RevIndexes{*walked};
    }
    if (!rel->symbol)
        return revisionError(producedMessage(QString::number(relative), std::abs(relative)));
    auto walked = walkFromString(rel->label ? *rel->label + u'@' + *rel->symbol : *rel->symbol, int(relative),
                                 QString(), assertRelativeLength);
    if (!walked)
        return walked.error();
    return RevIndexes{*walked};
}

Result<Resolver::DowngradeTarget> Resolver::downgradeTarget(const QStringList &currentHeads, const QString &target,
                                                            bool assertRelativeLength) const
{
    const auto rel = matchRelative(target);
    if (rel) {
        const long long relInt = pythonInt(rel->relative).value_or(0);
        std::optional<QString> label = rel->label;
        if (relInt >= 0) {
            if (!rel->symbol)
                return revisionError(producedMessage(rel->relative, std::abs(relInt)));
            auto walked = walkFromString(*rel->symbol, int(relInt), label.value_or(QString()), assertRelativeLength);
            if (!walked)
                return walked.error();
            if (*walked == NoRevision)
                return revisionError(QStringLiteral("Walked too far"));
            return DowngradeTarget{label, *walked};
        }
        const bool relativeToCurrent = !rel->symbol;
        QString symbol = rel->symbol.value_or(QString());
        if (relativeToCurrent) {
            if (truthy(label)) {
                QStringList symbols;
                auto current = revisions(currentHeads);
                if (!current)
                    return current.error();
                auto filtered = filterForLineage(*current, *label);
                if (!filtered)
                    return filtered.error();
                if (filtered->empty()) {
                    auto all = allCurrent(currentHeads);
                    if (!all)
                        return all.error();
                    filtered = filterForLineage(*all, *label);
                    if (!filtered)
                        return filtered.error();
                }
                if (filtered->size() != 1) {
                    return GraphError::make(ErrorKind::AssertionError,
                                            QStringLiteral("Branch '%1' matches %2 of the current heads; "
                                                           "name a single revision instead")
                                                .arg(*label)
                                                .arg(filtered->size()));
                }
                symbol = m.id(filtered->front());
            } else {
                if (currentHeads.isEmpty())
                    return revisionError(producedMessage(rel->relative, std::abs(relInt)));
                symbol = currentHeads.front();
                label = symbol;
            }
        }
        auto start = revision(label ? *label + u'@' + symbol : symbol);
        if (!start)
            return start.error();
        auto walked = walk(*start, int(relInt), QString(), assertRelativeLength);
        if (!walked)
            return walked.error();
        if (*walked == NoRevision) {
            return revisionError(relativeToCurrent ? producedMessage(rel->relative, std::abs(relInt))
                                                   : QStringLiteral("Walked too far"));
        }
        return DowngradeTarget{label, *walked};
    }
    const qsizetype at = target.lastIndexOf(u'@');
    DowngradeTarget out;
    if (at > 0)
        out.branchLabel = target.left(at);
    auto r = revision(target.mid(at + 1));
    if (!r)
        return r.error();
    out.revision = *r;
    return out;
}

} // namespace retort
