#pragma once

#include <QList>
#include <QString>

namespace retort {

// One column of a table, as the database reports it.
struct Column
{
    QString name;
    QString type; // as declared (SQLite) or format_type() (PostgreSQL): "VARCHAR(20)", "character varying(20)"
    bool nullable = true;
    QString defaultValue; // the default's SQL text ("'x'", "CURRENT_TIMESTAMP", "nextval(...)"); empty: none
    int position = 0; // 1-based among the table's columns, in table order
    QString generated; // "stored", "virtual" or empty
    QString generationExpression; // the expression of a generated column, where reported
    QString identity; // PostgreSQL identity columns: "always", "by default"; empty otherwise

    friend bool operator==(const Column &, const Column &) = default;
};

using Columns = QList<Column>;

} // namespace retort
