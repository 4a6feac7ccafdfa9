#pragma once

#include "command/ProjectSnapshot.h"
#include "command/SchemaCommands.h"
#include "run/RunError.h"
#include "schema/Schema.h"
#include "schema/SchemaReader.h"
#include "shadow/ReplayReport.h"
#include "shadow/ShadowDatabase.h"
#include "shadow/SnapshotCache.h"

#include <memory>
#include <optional>

namespace retort {

struct DatabaseTarget;
struct RetortSettings;

// What schema readers leave out for this project: its version table and Retort's journal.
SchemaReaderOptions schemaReaderOptions(const RetortSettings &settings);

// The plumbing every schema command shares: where the shadow databases go (dialect and
// server), the snapshot cache of the project and dialect, the reader options of the project's
// settings, and the project's Python revisions in the replay driver. Replays on databases of
// its own only.
class ProjectReplay
{
public:
    // `target`: the database the schemas will be compared with (drift, identify): its dialect
    // and server win over --dialect and --url. nullptr: SchemaCommandOptions decide.
    static RunResult<std::unique_ptr<ProjectReplay>>
    open(const ProjectSnapshot &project, const SchemaCommandOptions &options, const DatabaseTarget *target = nullptr);
    // Only the dialect and server, without opening anything.
    static RunResult<ShadowServer::Options> place(const ProjectSnapshot &project, const SchemaCommandOptions &options,
                                                  const DatabaseTarget *target = nullptr);
    ~ProjectReplay();

    QString dialect() const;
    const SchemaReaderOptions &readerOptions() const { return m_reader; }
    // For the other walks over shadow databases (verify): the same server, cache and Python.
    ShadowServer &server() { return *m_server; }
    SnapshotCache *cache() { return m_cache ? &*m_cache : nullptr; }
    const PythonStepsFactory &pythonFactory() const { return m_python; }
    // Replays `targets` and their ancestors (every revision when empty).
    ReplayReport replay(const RevIndexes &targets, bool keepSchemas);
    // The schema of a database upgraded from base to all of `heads`: empty for none, the
    // revision's snapshot for one, a shadow database upgraded to each of them for several.
    RunResult<Schema> schemaAt(const RevIndexes &heads);

    // What a revision's replay left: its schema, or the error that explains why there is none.
    static RunResult<Schema> schemaOf(const ReplayReport &report, const QString &revision);
    static Schema emptySchema(const QString &dialect);

private:
    ProjectReplay(const ProjectSnapshot &project, const SchemaCommandOptions &options);
    ReplayOptions replayOptions(const RevIndexes &targets, bool keepSchemas);

    const ProjectSnapshot &m_project;
    const SchemaCommandOptions &m_options;
    std::unique_ptr<ShadowServer> m_server;
    std::optional<SnapshotCache> m_cache;
    SchemaReaderOptions m_reader;
    PythonStepsFactory m_python;
};

} // namespace retort
