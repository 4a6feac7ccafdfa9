#pragma once

#include "command/ProjectSnapshot.h"
#include "run/RunError.h"
#include "schema/Schema.h"
#include "schema/SchemaChange.h"
#include "shadow/ReplayReport.h"
#include "shadow/ShadowReplay.h"

#include <QProcessEnvironment>

#include <atomic>
#include <functional>

namespace retort {

// What the schema verbs need besides the project. None of them writes the project's database:
// they replay on shadow databases (SQLite files of their own, or scratch databases on the
// PostgreSQL server of the project's URL or of [retort] shadow_url).
struct SchemaCommandOptions
{
    QString dialect; // "sqlite", "postgresql"; empty: the project database's, else SQLite
    QString urlOption; // --url, as for the database verbs (only read to find the dialect and server)
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    QString workingDirectory;
    QString cacheRoot; // empty: QStandardPaths::CacheLocation
    bool useCache = true;
    bool keepSchemas = false; // replayCommand: every revision's schema in the report (the window's tabs)
    // Runs the project's Python revisions on a shadow database; called once, on the first
    // Python step. Empty: the project's own Alembic through the replay driver, found as
    // upgrades find it.
    PythonStepsFactory pythonSteps;
    const std::atomic<bool> *cancel = nullptr;
    std::function<void(const ReplayProgress &)> progress;
};

// `replay`: the schema after every revision, replayed or taken from the cache.
RunResult<ReplayReport> replayCommand(const ProjectSnapshot &project, const SchemaCommandOptions &options);

struct RevisionSchema
{
    QString revision; // "base" for the empty schema
    Schema schema;
};

// `schema [REV]`: the schema after REV (default "heads": one per head; "base": the empty one).
// A revision whose replay failed or was skipped is the error of the failing step.
RunResult<QList<RevisionSchema>> schemaCommand(const ProjectSnapshot &project, const QString &revision,
                                               const SchemaCommandOptions &options);

struct SchemaDifference
{
    QString from;
    QString to;
    QString dialect;
    SchemaChanges changes;
};

// `diff FROM TO`: what changes from the schema after FROM to the schema after TO (each one
// revision, or base).
RunResult<SchemaDifference> diffCommand(const ProjectSnapshot &project, const QString &from, const QString &to,
                                        const SchemaCommandOptions &options);

} // namespace retort
