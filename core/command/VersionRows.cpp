#include "VersionRows.h"

#include "StringLists.h"

#include <QSet>

namespace retort {

std::optional<RunError> badVersionRows(const QStringList &rows, const VersionTable &table, const QString &target)
{
    std::optional<RunError> error;
    const QString name = table.qualifiedName();
    if (rows.contains(QString())) {
        error = RunError::make(ErrorKind::UnexpectedHeads,
                               QStringLiteral("the version table %1 has a row with an empty (NULL) version_num; "
                                              "delete it, or set the table with 'retort stamp --purge <revision>'")
                                   .arg(name));
    } else if (const auto distinct = QSet<QString>(rows.cbegin(), rows.cend()); distinct.size() != rows.size()) {
        QStringList twice;
        for (const QString &row : distinct) {
            if (rows.count(row) > 1)
                twice.append(row);
        }
        error = RunError::make(ErrorKind::UnexpectedHeads,
                               QStringLiteral("the version table %1 holds revision %2 more than once (it has no "
                                              "primary key); delete the extra rows, or set the table with "
                                              "'retort stamp --purge <revision>'")
                                   .arg(name, sorted(twice).join(QStringLiteral(", "))));
    }
    if (error)
        error->target = target;
    return error;
}

} // namespace retort
