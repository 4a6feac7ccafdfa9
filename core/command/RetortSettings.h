#pragma once

#include "db/VersionTable.h"
#include "script/ProjectConfig.h"

#include <optional>

namespace retort {

// Retort's own settings from the [retort] section of alembic.ini, with their defaults:
//   url = ...                    database URL (after --url, DATABASE_URL, sqlalchemy.url)
//   version_table = alembic_version, version_table_schema = , version_table_pk = true
//                                as Alembic's env.py options of the same names
//   journal = true|false         default: on for native SQL projects, off for Alembic projects
//   journal_table = retort_journal
//   alembic_command = flask db   how to run Python revisions (detected when absent)
//   shadow_url = ...             where replay creates its scratch databases (PostgreSQL: a
//                                server; default: the server of the project's database)
//   drift_ignore = a, s.b_*      tables drift and identify leave out: names or glob patterns,
//                                matched against `table` and `schema.table`, comma-separated
struct RetortSettings
{
    VersionTable::Options versionTable;
    std::optional<bool> journal;
    QString journalTable = QStringLiteral("retort_journal");
    QString shadowUrl; // empty: the project database's server
    QString driftIgnore; // as written; SchemaFilter::parse reads it
    Problems problems; // values that could not be read, with what to write instead

    static RetortSettings fromConfig(const ProjectConfig &config);
    bool journalEnabled(bool nativeProject) const { return journal.value_or(nativeProject); }
};

} // namespace retort
