#pragma once

#include "RunError.h"
#include "db/Dialect.h"
#include "db/VersionTable.h"
#include "graph/Plan.h"
#include "graph/RevisionMap.h"

#include <variant>

namespace retort {

// `upgrade/downgrade/stamp --sql` for native SQL revisions: the script Alembic's offline mode
// would print for the same plan: BEGIN/COMMIT where DDL is transactional, the version table's
// CREATE when starting from base, "-- Running upgrade a -> b" before each step's statements, the
// version-table statement after them, and its DROP when a downgrade ends at base.
class OfflineSqlRenderer
{
public:
    OfflineSqlRenderer(const RevisionMap &map, Dialect dialect, VersionTable::Options versionTable);

    // `fromBase`: the range had no start, so the version table is created first.
    RunResult<QString> render(const Plan &plan, bool fromBase) const;

private:
    QString versionStatement(const VersionOp &op) const;

    const RevisionMap &m_map;
    Dialect m_dialect;
    VersionTable::Options m_versionTable;
};

} // namespace retort
