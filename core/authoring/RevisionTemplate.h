#pragma once

#include "MakoExpression.h"

#include "Expected.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace retort {

// What script.py.mako is rendered with for a new revision, as Alembic's generate_revision
// passes it: up_revision, down_revision (None, a str, or a tuple for several parents),
// branch_labels (None or a tuple), depends_on (None, a str, or a list), create_date, message
// ("empty message" when none), the `comma` function, and for autogenerate upgrades, downgrades
// and imports (left undefined otherwise, as Alembic leaves them).
struct RevisionTemplateValues
{
    QString revision;
    QStringList downRevisions;
    QStringList branchLabels;
    QStringList dependsOn;
    QDateTime createDate;
    bool createDateHasZone = false; // the ini's `timezone` was set: str() shows the offset
    std::optional<QString> message; // nullopt -> "empty message"
    std::optional<QString> upgrades;
    std::optional<QString> downgrades;
    std::optional<QString> imports;
};

MakoScope revisionTemplateScope(const RevisionTemplateValues &values);

// str() of a Python datetime: "2024-05-01 12:00:00", ".123000" when there are microseconds,
// "+02:00" when it carries a zone.
QString pythonDateTimeText(const QDateTime &when, bool withOffset);

// util.rev_id(): the last twelve hex digits of a random UUID.
QString newRevisionId();

// The create date Alembic uses: local time, or now in the ini's `timezone` (an IANA name,
// tried as written and then upper-cased, as dateutil is); an error in Alembic's words.
Fallible<QDateTime> revisionCreateDate(const QString &timezone, const QDateTime &nowUtc);

} // namespace retort
