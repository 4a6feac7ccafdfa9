#pragma once

#include "JournalEntry.h"
#include "db/DbError.h"

#include <QList>
#include <optional>

namespace retort {

class Connection;

// The retort_journal table: what was applied, by whom, when, with which script checksum.
// Lives next to the version table (same schema). Rows are written inside the caller's
// transaction, so a step and its journal row commit or roll back together.
class Journal
{
public:
    static constexpr const char *kDefaultTable = "retort_journal";

    Journal(Connection &connection, QString schema = {}, QString table = QString::fromLatin1(kDefaultTable));

    QString qualifiedName() const;
    DbResult<bool> exists() const;
    std::optional<DbError> ensureTable();
    std::optional<DbError> record(const JournalEntry &entry);
    // Oldest first.
    DbResult<QList<JournalEntry>> entries() const;

private:
    Connection &m_connection;
    QString m_schema;
    QString m_table;
};

} // namespace retort
