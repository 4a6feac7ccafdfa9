#include "AlembicAction.h"

using namespace Qt::StringLiterals;

namespace retort {

namespace {

AlembicAction action(AlembicAction::Verb verb, QStringList targets, bool purge = false, bool sql = false)
{
    AlembicAction made;
    made.verb = verb;
    made.targets = std::move(targets);
    made.purge = purge;
    made.sql = sql;
    return made;
}

} // namespace

AlembicAction AlembicAction::upgrade(const QString &target)
{
    return action(Verb::Upgrade, {target}, false, false);
}

AlembicAction AlembicAction::downgrade(const QString &target)
{
    return action(Verb::Downgrade, {target}, false, false);
}

AlembicAction AlembicAction::stamp(const QStringList &targets, bool purge)
{
    return action(Verb::Stamp, targets, purge, false);
}

AlembicAction AlembicAction::offlineUpgrade(const QString &range)
{
    return action(Verb::Upgrade, {range}, false, true);
}

AlembicAction AlembicAction::offlineDowngrade(const QString &range)
{
    return action(Verb::Downgrade, {range}, false, true);
}

AlembicAction AlembicAction::heads()
{
    return action(Verb::Heads, {}, false, false);
}

AlembicAction AlembicAction::merge(const QStringList &revisions, const QString &message, const QString &branchLabel,
                                   const QString &revId)
{
    AlembicAction merge = action(Verb::Merge, revisions);
    merge.message = message;
    merge.branchLabel = branchLabel;
    merge.revId = revId;
    return merge;
}

AlembicAction AlembicAction::autogenerate(const QString &message, const QString &revId)
{
    AlembicAction autogenerate = action(Verb::Autogenerate, {});
    autogenerate.message = message;
    autogenerate.revId = revId;
    return autogenerate;
}

QStringList AlembicAction::verbWords(bool flaskMigrate) const
{
    if (verb == Verb::Autogenerate)
        return flaskMigrate ? QStringList{u"migrate"_s} : QStringList{u"revision"_s, u"--autogenerate"_s};
    return {verbName()};
}

QString AlembicAction::verbName() const
{
    switch (verb) {
    case Verb::Upgrade:
        return u"upgrade"_s;
    case Verb::Downgrade:
        return u"downgrade"_s;
    case Verb::Stamp:
        return u"stamp"_s;
    case Verb::Heads:
        return u"heads"_s;
    case Verb::Merge:
        return u"merge"_s;
    case Verb::Autogenerate:
        return u"autogenerate"_s;
    }
    return {};
}

QStringList AlembicAction::options() const
{
    QStringList out;
    if (sql)
        out << u"--sql"_s;
    if (purge)
        out << u"--purge"_s;
    if (!message.isEmpty())
        out << u"-m"_s << message;
    if (!branchLabel.isEmpty())
        out << u"--branch-label"_s << branchLabel;
    if (!revId.isEmpty())
        out << u"--rev-id"_s << revId;
    return out;
}

QStringList AlembicAction::positionals() const
{
    return targets;
}

Fallible<void> AlembicAction::validate() const
{
    const bool needsTarget = verb != Verb::Heads && verb != Verb::Autogenerate;
    if (needsTarget && (targets.isEmpty() || targets.contains(QString())))
        return Failure{u"%1 needs a target revision"_s.arg(verbName())};
    if (verb == Verb::Heads && (!targets.isEmpty() || sql || purge))
        return Failure{u"heads takes no target and no options"_s};
    if (verb == Verb::Merge && targets.size() < 2)
        return Failure{u"merge needs two or more revisions"_s};
    const bool writes = verb == Verb::Merge || verb == Verb::Autogenerate;
    if (!writes && (!message.isEmpty() || !branchLabel.isEmpty() || !revId.isEmpty()))
        return Failure{u"-m, --branch-label and --rev-id only apply to merge and autogenerate"_s};
    if (writes && (sql || purge))
        return Failure{u"%1 takes neither --sql nor --purge"_s.arg(verbName())};
    if (verb == Verb::Autogenerate && (!targets.isEmpty() || !branchLabel.isEmpty()))
        return Failure{u"autogenerate takes no revisions and no --branch-label"_s};
    if (verb != Verb::Stamp && verb != Verb::Merge && targets.size() > 1)
        return Failure{u"%1 takes one target, got %2"_s.arg(verbName()).arg(targets.size())};
    if (purge && verb != Verb::Stamp)
        return Failure{u"--purge only applies to stamp"_s};
    if (purge && sql)
        return Failure{u"--purge cannot be combined with --sql (Alembic refuses it)"_s};
    if (sql && verb == Verb::Downgrade && !targets.first().contains(u':'))
        return Failure{u"an offline downgrade needs a range FROM:TO, e.g. %1:base"_s.arg(targets.first())};
    if (!sql && verb != Verb::Stamp && !targets.isEmpty() && targets.first().contains(u':'))
        return Failure{u"a range (%1) is only allowed with --sql"_s.arg(targets.first())};
    return {};
}

} // namespace retort
