#pragma once

#include <QString>
#include <QStringList>

namespace retort {

// One step Alembic announced ("Running upgrade a -> b, message"), for progress reporting.
struct AlembicStep
{
    enum class Kind { Upgrade, Downgrade, Stamp };

    Kind kind = Kind::Upgrade;
    QStringList from; // revisions before the step (several for a merge); empty from base
    QStringList to; // revisions after the step (several when downgrading a merge point)
    QString message; // the revision's message; empty for stamps
    QString line; // the output line it was read from

    // The revision whose script runs: to for an upgrade, from for a downgrade; for a stamp,
    // the targets joined with ", ".
    QString revision() const;
    bool operator==(const AlembicStep &other) const = default;
};

} // namespace retort
