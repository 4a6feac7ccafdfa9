#pragma once

#include <QString>
#include <QStringList>

namespace retort {

// An index created by CREATE INDEX; the indexes that back a primary key or a unique constraint
// are reported as those constraints instead.
struct Index
{
    QString name;
    QStringList columns; // column names or expressions as text, with " DESC" where descending
    bool unique = false;
    QString where; // a partial index's predicate; empty for a full index
    QString method; // PostgreSQL's access method ("btree", "gin"); empty on SQLite

    friend bool operator==(const Index &, const Index &) = default;
};

} // namespace retort
