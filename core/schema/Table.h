#pragma once

#include "schema/Column.h"
#include "schema/Constraints.h"
#include "schema/Index.h"

#include <QList>
#include <QString>

namespace retort {

struct Table
{
    QString schema; // PostgreSQL's namespace ("public"); empty on SQLite
    QString name;
    Columns columns; // in table order
    PrimaryKey primaryKey;
    QList<UniqueConstraint> uniqueConstraints;
    QList<Index> indexes;
    QList<ForeignKey> foreignKeys;
    QList<CheckConstraint> checks;

    // "schema.name", or the name alone when there is no schema.
    QString qualifiedName() const { return schema.isEmpty() ? name : schema + QLatin1Char('.') + name; }
    const Column *column(const QString &columnName) const;

    friend bool operator==(const Table &, const Table &) = default;
};

} // namespace retort
