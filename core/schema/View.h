#pragma once

#include <QString>

namespace retort {

struct View
{
    QString schema; // empty on SQLite
    QString name;
    // The query: pg_get_viewdef(oid, true) on PostgreSQL, the text after AS in the CREATE VIEW
    // statement on SQLite.
    QString definition;
    bool materialized = false; // PostgreSQL materialized views

    QString qualifiedName() const { return schema.isEmpty() ? name : schema + QLatin1Char('.') + name; }
    friend bool operator==(const View &, const View &) = default;
};

} // namespace retort
