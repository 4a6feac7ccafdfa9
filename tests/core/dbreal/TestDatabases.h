#pragma once

#include "db/Connection.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>

// A fresh, empty database of one backend for one test, removed afterwards:
//   "sqlite": a file in a temporary folder;
//   "postgresql": a new database on the fixture server named by RETORT_TEST_PG_URL (ctest's
//   postgres fixture). Without that variable creation fails: these tests never skip and never
//   use a server started by hand.
class TestDatabase
{
public:
    static std::unique_ptr<TestDatabase> create(const QString &backend, QString *failure);
    ~TestDatabase();

    const QString &backend() const { return m_backend; }
    QString url() const;           // for DatabaseUrl::parse (no password)
    QString sqlalchemyUrl() const; // the same database for alembic_peer.py
    // A connection opened in the calling thread, or nullptr with *failure set.
    std::unique_ptr<retort::Connection> connect(QString *failure) const;

    // postgresql://postgres@127.0.0.1:PORT/postgres from the fixture, or empty with *failure set.
    static QString serverUrl(QString *failure);

private:
    TestDatabase() = default;
    QString m_backend;
    QString m_url;
    QString m_databaseName; // PostgreSQL database to drop afterwards
    std::unique_ptr<QTemporaryDir> m_dir;
};
