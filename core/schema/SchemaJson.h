#pragma once

#include "Expected.h"
#include "schema/Schema.h"

#include <QJsonObject>
#include <QString>

namespace retort {

// A schema as JSON, for `--json` output and for caching a schema between runs:
//   {"dialect", "tables": [{"schema", "name",
//       "columns": [{"name", "type", "nullable", "default", "position", "generated",
//                    "generation_expression", "identity"}],
//       "primary_key": [columns], "primary_key_name",
//       "unique_constraints": [{"name", "columns"}],
//       "indexes": [{"name", "columns", "unique", "where", "using"}],
//       "foreign_keys": [{"name", "columns", "ref_schema", "ref_table", "ref_columns", "on_delete",
//                         "on_update"}],
//       "checks": [{"name", "expression"}]}],
//    "views": [{"schema", "name", "definition", "materialized"}],
//    "sequences": [{"schema", "name", "type", "start", "increment", "min", "max", "cycle", "owned_by"}],
//    "enums": [{"schema", "name", "labels"}]}
// Optional text that is absent (no default, no schema on SQLite, an unnamed constraint) is null.
class SchemaJson
{
public:
    static QJsonObject toJson(const Schema &schema);
    // One entry of "tables".
    static QJsonObject toJson(const Table &table);
    // Reads what toJson() wrote: fromJson(toJson(s)) == s. The error names the first field that
    // is missing or of the wrong type ("tables[1].columns[0].nullable should be true or false").
    static Fallible<Schema> fromJson(const QJsonObject &object);
};

} // namespace retort
