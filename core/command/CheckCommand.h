#pragma once

#include "Problem.h"
#include "command/DatabaseSession.h"
#include "command/SchemaCommands.h"
#include "run/JournalEntry.h"
#include "run/RunError.h"

#include <QList>
#include <QStringList>
#include <optional>
#include <variant>

namespace retort {

// An applied script whose file is no longer what ran: its checksum in the journal (the newest
// applied upgrade of that revision) differs from the file's checksum now.
struct ChangedScript
{
    QString revision;
    QString path;
    QString appliedSha256;
    QString currentSha256;
};

// Whether the live schema is what the version table says (driftCommand). Not being able to
// tell (no shadow server, a revision that does not replay) is said, and does not fail a check.
struct DriftCheck
{
    bool checked = false;
    QString reason; // why not checked
    SchemaChanges changes; // expected -> live
};

// `check`: what would surprise a deploy, found without changing anything.
struct CheckReport
{
    QStringList heads; // heads of the files (several: `upgrade head` fails)
    QStringList databaseHeads; // version table rows, sorted
    QStringList unknownDatabaseHeads; // rows no file defines ("Can't locate revision ...")
    bool journalPresent = false; // changed scripts can only be found with a journal
    QList<ChangedScript> changedScripts;
    QStringList unrecordedRevisions; // applied, but no journal row with a checksum (informational)
    int pending = 0; // revisions `upgrade heads` would run from the known rows
    Problems problems; // configuration, file and graph problems of the project
    std::optional<DriftCheck> drift; // when asked for

    bool drifted() const { return drift && drift->checked && !drift->changes.isEmpty(); }

    bool severalHeads() const { return heads.size() > 1; }
    // Pending revisions alone do not make a report fail: a deploy check reads `pending`.
    bool hasErrors() const;
    bool ok() const
    {
        return !severalHeads() && unknownDatabaseHeads.isEmpty() && changedScripts.isEmpty() && !hasErrors()
            && !drifted();
    }
};

// The pure part: a report from a project, the database's rows and its journal (nullptr when
// the database has no journal table). Reads the applied revisions' files to checksum them.
CheckReport assessProject(const ProjectSnapshot &project, const QStringList &databaseHeads,
                          const QList<JournalEntry> *journal);

// Reads the version table and the journal (when the table exists) of the session's database;
// with `drift`, also compares its schema with the expected one (on shadow databases).
RunResult<CheckReport> checkCommand(DatabaseSession &session, const SchemaCommandOptions *drift = nullptr);

} // namespace retort
