#pragma once

// What the introspection tests of both dialects share: a fresh database with some DDL run on it,
// and plain views of what a schema or a query holds.
#include "TestDatabase.h"
#include "db/Connection.h"
#include "schema/Schema.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStringList>

#include <memory>

struct BuiltDatabase
{
    std::unique_ptr<TestDatabase> database;
    std::unique_ptr<retort::Connection> connection;
};

// A fresh database of `backend` ("sqlite", "postgresql") with `statements` run on it; empty
// members with `failure` set otherwise.
inline BuiltDatabase buildDatabase(const QString &backend, const QStringList &statements, QString *failure)
{
    BuiltDatabase db;
    db.database = TestDatabase::create(backend, failure);
    if (!db.database)
        return {};
    db.connection = db.database->connect(failure);
    if (!db.connection)
        return {};
    for (const QString &sql : statements) {
        if (const auto error = db.connection->execute(sql)) {
            *failure = error->toString();
            return {};
        }
    }
    return db;
}

// Schema-qualified where there is a schema (PostgreSQL), the bare name on SQLite.
inline QStringList tableNames(const retort::Schema &schema)
{
    QStringList names;
    for (const retort::Table &t : schema.tables)
        names.append(t.qualifiedName());
    return names;
}

// Rows of a query as "a|b|c" lines (NULL as an empty cell).
inline QStringList rows(retort::Connection &connection, const QString &sql)
{
    QSqlQuery query(connection.database());
    if (!query.exec(sql))
        return {QStringLiteral("<failed: %1>").arg(query.lastError().text())};
    QStringList out;
    while (query.next()) {
        QStringList cells;
        for (int i = 0; i < query.record().count(); ++i)
            cells.append(query.value(i).toString());
        out.append(cells.join(QLatin1Char('|')));
    }
    return out;
}
