#pragma once

#include "command/DatabaseSession.h"
#include "command/SchemaCommands.h"
#include "run/RunError.h"
#include "schema/SchemaChange.h"

#include <QList>
#include <QStringList>

namespace retort {

// One revision (or "base", the empty schema) the live database might be at.
struct IdentifyCandidate
{
    QString revision;
    // The number of change objects from the revision's schema to the live one
    // (SchemaDiff::between(snapshot, live)): a table added or dropped counts once, a column,
    // index, foreign key or constraint once each. 0: the same facts.
    int distance = 0;
    SchemaChanges differences; // revision -> live, as `drift` words them
    bool exact() const { return distance == 0; }
};

// A revision with no schema to compare: its replay failed, or an ancestor's did.
struct UnreplayedRevision
{
    QString revision;
    RunError error; // the failing step's error (the ancestor's, for a skipped one)
    QString blockedBy; // the ancestor that failed, when this one was skipped
};

// `identify`: which revision's schema the live database has, for a database whose version table
// is missing, empty or names a revision no file defines (and any other: it only ranks).
struct IdentifyReport
{
    QString database; // the masked URL
    QString dialect;
    QStringList databaseHeads; // the version table's rows, sorted (context, not used to rank)
    QStringList ignored; // [retort] drift_ignore, left out on both sides
    // Every revision and base, best first: exact matches, then by distance, then newest first
    // in history order (`retort history`), base last among equals. So of revisions that left
    // the schema alone (data-only steps), the newest is offered, the one a stamp should name.
    QList<IdentifyCandidate> candidates;
    QList<UnreplayedRevision> unreplayed;

    QList<IdentifyCandidate> exactMatches() const;
};

// Replays every revision on shadow databases (cached) and compares each schema with the live
// one, which is only read. Fails only when nothing can be compared (no shadow server, a graph
// that cannot be walked); failing revisions go to `unreplayed`.
RunResult<IdentifyReport> identifyCommand(DatabaseSession &session, const SchemaCommandOptions &options);

} // namespace retort
