#pragma once

#include <QLoggingCategory>

// One logging category per area of core, so a run can be traced without a debugger:
//   QT_LOGGING_RULES="retort.run.debug=true" retort upgrade
// or `retort --debug VERB` for all of them. Off below warnings by default. What is logged never
// holds a password: URLs are logged masked, and child processes' command lines carry none.
Q_DECLARE_LOGGING_CATEGORY(lcScript) // retort.script: project discovery and revision files
Q_DECLARE_LOGGING_CATEGORY(lcGraph) // retort.graph: the revision map and planning
Q_DECLARE_LOGGING_CATEGORY(lcDb) // retort.db: connections, statements, the version table
Q_DECLARE_LOGGING_CATEGORY(lcRun) // retort.run: runs, steps, locks, the Alembic command
Q_DECLARE_LOGGING_CATEGORY(lcBackup) // retort.backup: backups and restores
Q_DECLARE_LOGGING_CATEGORY(
    lcShadow) // retort.shadow: shadow databases, replay, the snapshot cache and the Python driver
