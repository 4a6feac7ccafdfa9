#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace retort {

// A table's primary key; no columns means the table has none.
struct PrimaryKey
{
    QString name; // where reported: always on PostgreSQL, on SQLite only when declared with CONSTRAINT
    QStringList columns; // in key order

    bool isEmpty() const { return columns.isEmpty(); }
    friend bool operator==(const PrimaryKey &, const PrimaryKey &) = default;
};

struct UniqueConstraint
{
    QString name; // empty for an unnamed SQLite constraint
    QStringList columns;

    friend bool operator==(const UniqueConstraint &, const UniqueConstraint &) = default;
};

struct ForeignKey
{
    QString name; // empty for an unnamed SQLite constraint
    QStringList columns;
    QString refSchema; // empty on SQLite
    QString refTable;
    QStringList refColumns;
    QString onDelete = QStringLiteral("NO ACTION"); // NO ACTION, RESTRICT, CASCADE, SET NULL, SET DEFAULT
    QString onUpdate = QStringLiteral("NO ACTION");

    friend bool operator==(const ForeignKey &, const ForeignKey &) = default;
};

struct CheckConstraint
{
    QString name; // empty for an unnamed SQLite constraint
    QString expression; // the condition without the CHECK keyword and its outer parentheses

    friend bool operator==(const CheckConstraint &, const CheckConstraint &) = default;
};

} // namespace retort
