#pragma once

#include <QStringList>

namespace retort {

// What a person asked for: `upgrade head`, `downgrade -1`, `stamp a b --purge`, `rerun R` (the
// database's head R downgraded and upgraded again, to try an edited script once more).
struct MigrationRequest
{
    enum class Kind { Upgrade, Downgrade, Stamp, Rerun };

    Kind kind = Kind::Upgrade;
    QStringList targets; // one for upgrade/downgrade, one or more for stamp
    bool purge = false; // stamp only

    static MigrationRequest upgrade(const QString &target = QStringLiteral("head"))
    {
        return {Kind::Upgrade, {target}, false};
    }
    static MigrationRequest downgrade(const QString &target = QStringLiteral("-1"))
    {
        return {Kind::Downgrade, {target}, false};
    }
    static MigrationRequest stamp(const QStringList &targets, bool purge = false)
    {
        return {Kind::Stamp, targets, purge};
    }
    static MigrationRequest rerun(const QString &revision) { return {Kind::Rerun, {revision}, false}; }
    friend bool operator==(const MigrationRequest &, const MigrationRequest &) = default;
    QString verb() const
    {
        switch (kind) {
        case Kind::Upgrade:
            return QStringLiteral("upgrade");
        case Kind::Downgrade:
            return QStringLiteral("downgrade");
        case Kind::Stamp:
            return QStringLiteral("stamp");
        case Kind::Rerun:
            break;
        }
        return QStringLiteral("rerun");
    }
};

} // namespace retort
