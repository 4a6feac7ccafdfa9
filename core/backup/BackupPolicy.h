#pragma once

#include "Problem.h"
#include "graph/Plan.h"
#include "script/ProjectConfig.h"

#include <QString>

namespace retort {

// When and where backups are taken, from the [retort] section of alembic.ini:
//   backup_dir = backups            relative to the directory of alembic.ini. Default: a folder
//                                   per project in the user's data directory
//                                   (~/.local/share/retort/backups/<project>-<hash>), so copies of
//                                   the data never land in the project's source tree.
//   backup_before_upgrade = false   also back up before upgrades (downgrades always are)
//   backup_keep = 10                keep the newest N backups of a database; 0 keeps all
struct BackupPolicy
{
    QString directory; // absolute
    bool beforeUpgrade = false;
    int keep = 10;
    Problems problems; // values that could not be read, with what was used instead

    static BackupPolicy fromConfig(const ProjectConfig &config);
    // The default folder for a project whose settings name none.
    static QString defaultDirectory(const ProjectConfig &config);
};

// Whether the policy wants a backup before this plan: a step running a downgrade script, or an
// upgrade script when backup_before_upgrade is set. Stamps change no data and need none.
bool planNeedsBackup(const Plan &plan, const BackupPolicy &policy);

} // namespace retort
