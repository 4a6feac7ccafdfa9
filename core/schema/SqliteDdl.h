#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace retort {

// What SQLite keeps only in the text of a CREATE TABLE statement: constraint names, CHECK
// constraints and the expressions of generated columns. No pragma reports them.
struct SqliteTableDdl
{
    struct Constraint
    {
        enum class Kind { PrimaryKey, Unique, Check, ForeignKey };
        Kind kind = Kind::Check;
        QString name; // after CONSTRAINT; empty when unnamed
        QStringList columns; // the constrained columns (a column constraint: that column)
        QString expression; // CHECK: the condition, whitespace collapsed
        QString refTable; // FOREIGN KEY / REFERENCES
        QStringList refColumns;
    };

    QList<Constraint> constraints; // table and column constraints, in declaration order
    // Generated columns: the lower-cased column name -> its expression, whitespace collapsed.
    QHash<QString, QString> generationExpressions;

    static SqliteTableDdl parse(QStringView createTable);
};

// What SQLite keeps only in the text of a CREATE INDEX statement: the indexed terms as written
// (expressions among them) and a partial index's WHERE predicate.
struct SqliteIndexDdl
{
    QStringList terms; // one per indexed column or expression, ASC / DESC left off
    QString where; // the predicate, whitespace collapsed; empty for a full index

    static SqliteIndexDdl parse(QStringView createIndex);
};

// The query of a CREATE VIEW statement: the text after AS, trimmed, without a final semicolon.
QString sqliteViewQuery(QStringView createView);

} // namespace retort
