#pragma once

#include "schema/Schema.h"

#include <QByteArray>
#include <QHash>
#include <QString>

namespace retort {

// The compact JSON text of a schema, byte for byte what
// QJsonDocument(SchemaJson::toJson(schema)).toJson(QJsonDocument::Compact) gives, remembering
// each table's text by its name: a replay writes a snapshot after every step, and most tables in
// it are the tables of the snapshot before, so only the changed ones are written again.
class SchemaJsonWriter
{
public:
    QByteArray write(const Schema &schema);

private:
    struct Written
    {
        Table table;
        QByteArray json;
    };
    const QByteArray &tableJson(const Table &table);

    QHash<QString, Written> m_tables; // by qualified name, the last version written
};

} // namespace retort
