#pragma once

#include "TestDatabase.h"

#include <QString>
#include <QStringList>

// What "the live database was not touched" is compared on. SQLite: the file's bytes and which of
// its -journal / -wal / -shm files exist. PostgreSQL: the catalog (relations, columns, types,
// constraints, indexes, sequences) of every user schema and each table's rows, ordered.
QStringList liveSnapshot(const TestDatabase &database, QString *failure);
