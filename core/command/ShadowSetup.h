#pragma once

#include "command/ProjectSnapshot.h"
#include "run/RunError.h"
#include "schema/SchemaReader.h"
#include "shadow/ShadowDatabase.h"
#include "shadow/ShadowSteps.h"
#include "shadow/SnapshotCache.h"

#include <memory>
#include <optional>

namespace retort {

struct SchemaCommandOptions;

// The dialect and server to work on: --dialect, else the project database's dialect, else
// SQLite; PostgreSQL scratch databases go to [retort] shadow_url, else the project database's
// server. Never the project's database itself.
RunResult<ShadowServer::Options> shadowPlace(const ProjectSnapshot &project, const SchemaCommandOptions &options);

// What the shadow commands (replay, schema, diff, verify) share: the server, the project's cache
// for the dialect, the reader settings (the project's version and journal tables) and the
// project's own Alembic for Python revisions.
struct ShadowSetup
{
    std::unique_ptr<ShadowServer> server;
    std::optional<SnapshotCache> cache;
    SchemaReaderOptions reader;
    PythonStepsFactory pythonFactory;

    static RunResult<ShadowSetup> open(const ProjectSnapshot &project, const SchemaCommandOptions &options);
    SnapshotCache *cachePointer() { return cache ? &*cache : nullptr; }
};

} // namespace retort
