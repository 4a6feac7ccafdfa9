#pragma once

#include <QString>

namespace retort {

// A PostgreSQL sequence (serial and identity columns own one too). Its current value is state,
// not schema, and is left out.
struct Sequence
{
    QString schema;
    QString name;
    QString dataType; // "bigint", "integer", "smallint"
    qint64 start = 1;
    qint64 increment = 1;
    qint64 minValue = 1;
    qint64 maxValue = 0;
    bool cycle = false;
    QString ownedBy; // "schema.table.column" for a serial or identity sequence; empty otherwise

    QString qualifiedName() const { return schema.isEmpty() ? name : schema + QLatin1Char('.') + name; }
    friend bool operator==(const Sequence &, const Sequence &) = default;
};

} // namespace retort
