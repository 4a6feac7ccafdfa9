#pragma once

#include "CommandLine.h"
#include "graph/MigrationRequest.h"

#include <optional>

namespace retort::cli {

// The request an `upgrade`, `downgrade`, `stamp` or `rerun` command line asks for, with Alembic's
// defaults (head, -1); nullopt for other verbs. Online runs and --sql read it the same way.
inline std::optional<MigrationRequest> migrationRequest(const Invocation &invocation)
{
    const QStringList &args = invocation.positionals;
    if (invocation.verb == u"upgrade")
        return MigrationRequest::upgrade(args.value(0, QStringLiteral("head")));
    if (invocation.verb == u"downgrade")
        return MigrationRequest::downgrade(args.value(0, QStringLiteral("-1")));
    if (invocation.verb == u"stamp")
        return MigrationRequest::stamp(args, invocation.has(QStringLiteral("purge")));
    if (invocation.verb == u"rerun")
        return MigrationRequest::rerun(args.value(0));
    return std::nullopt;
}

} // namespace retort::cli
