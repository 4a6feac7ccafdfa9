#pragma once

#include "schema/EnumType.h"
#include "schema/Sequence.h"
#include "schema/Table.h"
#include "schema/View.h"

#include <QList>
#include <QString>

namespace retort {

// What a database holds, as facts read from its catalog: comparable across databases built by
// the same DDL. Readers return it canonical (see canonicalize()); Retort's own tables and the
// version table are not in it.
struct Schema
{
    QString dialect; // "sqlite", "postgresql"
    QList<Table> tables;
    QList<View> views;
    QList<Sequence> sequences; // PostgreSQL only
    QList<EnumType> enums; // PostgreSQL only

    const Table *table(const QString &schemaName, const QString &name) const;
    const View *view(const QString &schemaName, const QString &name) const;

    friend bool operator==(const Schema &, const Schema &) = default;
};

// Puts a schema in its canonical order: tables, views, sequences and enums by schema and name;
// in each table indexes, foreign keys, unique and check constraints by name, then by content
// (unnamed SQLite constraints); columns stay in table order.
void canonicalize(Schema &schema);
void canonicalize(Table &table);

} // namespace retort
