#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace retort {

// One difference between two schemas, as SchemaDiff::between() reports it.
struct SchemaChange
{
    enum class Kind {
        AddTable,
        DropTable,
        AddColumn,
        DropColumn,
        AlterColumn,
        AddIndex,
        DropIndex,
        AddForeignKey,
        DropForeignKey,
        AddView,
        DropView,
        AlterView,
        Other, // primary key, unique and check constraints, column order, sequences, enums
    };

    Kind kind = Kind::Other;
    QString table; // the table or view, schema-qualified where it has a schema; empty for sequences and enums
    QString name; // the column, index, constraint, sequence or enum; empty for a table or view itself
    QString before; // what it was, in SchemaText's words; empty when added
    QString after; // what it is; empty when dropped
    // What changed: for alter_column the parts among "type", "nullable", "default", "generated",
    // "identity" (before and after describe only those); for other one of "primary_key",
    // "unique", "check", "column_order", "sequence", "enum".
    QStringList aspects;

    // "add_table", "drop_column", "alter_view", "other", ...: the names JSON uses.
    static QString kindName(Kind kind);
    QString kindName() const { return kindName(kind); }
    static std::optional<Kind> kindFromName(QStringView name);

    // {"kind", "table", "name", "before", "after", "aspects"}; empty text is null.
    QJsonObject toJson() const;
    // One line: "add_column orders.note: TEXT", "alter_column t.c: INTEGER -> TEXT".
    QString toLine() const;

    friend bool operator==(const SchemaChange &, const SchemaChange &) = default;
};

using SchemaChanges = QList<SchemaChange>;

} // namespace retort
