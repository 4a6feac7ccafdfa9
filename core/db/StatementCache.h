#pragma once

#include <QHashFunctions> // std::hash<QString>, which unordered_map needs to have seen
#include <QString>

#include <memory>
#include <unordered_map>

class QSqlDatabase;
class QSqlError;
class QSqlQuery;

namespace retort {

// Statements prepared once on one connection and run again with new values: PostgreSQL plans a
// catalog query in about as long as it takes to run it, and a replay runs the same few of them
// after every step. Owned by its Connection, which clears it before it closes (a query that
// outlives its connection stops working).
class StatementCache
{
public:
    StatementCache();
    ~StatementCache();
    StatementCache(const StatementCache &) = delete;
    StatementCache &operator=(const StatementCache &) = delete;

    // The query for `sql` (positional ? placeholders), prepared forward-only on first use; null
    // when preparing failed, with the driver's error in *error. Bind, exec, read, finish() it.
    QSqlQuery *prepared(const QSqlDatabase &database, const QString &sql, QSqlError *error);
    void clear();

private:
    std::unordered_map<QString, std::unique_ptr<QSqlQuery>> m_queries;
};

} // namespace retort
