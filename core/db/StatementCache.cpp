#include "StatementCache.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace retort {

StatementCache::StatementCache() = default;

StatementCache::~StatementCache() = default;

QSqlQuery *StatementCache::prepared(const QSqlDatabase &database, const QString &sql, QSqlError *error)
{
    if (const auto found = m_queries.find(sql); found != m_queries.end())
        return found->second.get();
    auto query = std::make_unique<QSqlQuery>(database);
    query->setForwardOnly(true);
    if (!query->prepare(sql)) {
        if (error)
            *error = query->lastError();
        return nullptr;
    }
    return m_queries.emplace(sql, std::move(query)).first->second.get();
}

void StatementCache::clear()
{
    m_queries.clear();
}

} // namespace retort
