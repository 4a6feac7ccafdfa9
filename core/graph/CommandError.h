#pragma once

#include "graph/GraphError.h"

namespace retort {

// Alembic's commands reword revision errors before a person sees them
// (ScriptDirectory._catch_revision_errors); these do the same, keeping the kind.
struct RevisionErrorContext
{
    QString start; // range start the command was given, if any
    QString end; // range end / target the command was given, if any
};

GraphError asCommandError(const GraphError &error, const RevisionErrorContext &context = {});

} // namespace retort
