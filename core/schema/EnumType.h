#pragma once

#include <QString>
#include <QStringList>

namespace retort {

// A PostgreSQL enum type (CREATE TYPE ... AS ENUM).
struct EnumType
{
    QString schema;
    QString name;
    QStringList labels; // in sort order

    QString qualifiedName() const { return schema.isEmpty() ? name : schema + QLatin1Char('.') + name; }
    friend bool operator==(const EnumType &, const EnumType &) = default;
};

} // namespace retort
