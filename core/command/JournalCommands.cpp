#include "JournalCommands.h"

#include "run/Journal.h"

namespace retort {

RunResult<JournalLog> journalCommand(DatabaseSession &session)
{
    Journal journal(session.connection(), session.settings().versionTable.schema, session.settings().journalTable);
    JournalLog log;
    log.table = journal.qualifiedName();
    log.enabled = session.settings().journalEnabled(session.nativeProject());
    const DbResult<bool> exists = journal.exists();
    if (!exists)
        return RunError::fromDb(exists.error());
    log.tableExists = *exists;
    if (!log.tableExists)
        return log;
    DbResult<QList<JournalEntry>> entries = journal.entries();
    if (!entries)
        return RunError::fromDb(entries.error());
    log.entries = std::move(entries).value();
    return log;
}

} // namespace retort
