#pragma once

#include <QStringList>

namespace retort {

// What a person asked for: `upgrade head`, `downgrade -1`, `stamp a b --purge`.
struct MigrationRequest
{
    enum class Kind { Upgrade, Downgrade, Stamp };

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
    friend bool operator==(const MigrationRequest &, const MigrationRequest &) = default;
    QString verb() const
    {
        return kind == Kind::Upgrade  ? QStringLiteral("upgrade")
            : kind == Kind::Downgrade ? QStringLiteral("downgrade")
                                      : QStringLiteral("stamp");
    }
};

} // namespace retort
