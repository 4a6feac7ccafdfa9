#pragma once

// The fixture server's shadow databases (retort_shadow_*), sorted; the failure text when the
// server cannot be reached. Other tests create and drop databases of their own meanwhile, and the
// tests that make shadows hold one CTest resource lock, so this list is theirs alone.
#include "TestDatabase.h"

#include <QSqlQuery>
#include <QStringList>

inline QStringList shadowDatabases()
{
    QString failure;
    auto server = TestDatabase::open(TestDatabase::serverUrl(&failure), &failure);
    if (!server)
        return {failure};
    QSqlQuery query(server->database());
    query.exec(
        QStringLiteral("SELECT datname FROM pg_database WHERE datname LIKE 'retort\\_shadow\\_%' ORDER BY datname"));
    QStringList names;
    while (query.next())
        names << query.value(0).toString();
    return names;
}
