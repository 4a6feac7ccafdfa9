#include "ActionIcons.h"

#include <QAction>

namespace retort::ui::ActionIcons {

const QList<Entry> &entries()
{
    static const QList<Entry> table = {
        {"open", "document-open", ":/icons/open.svg"},
        {"exportGraph", "document-save-as", ":/icons/export.svg"},
        {"quit", "application-exit", ":/icons/quit.svg"},
        {"upgradeHead", "go-top", ":/icons/upgrade-head.svg"},
        {"upgradeOne", "go-up", ":/icons/upgrade-one.svg"},
        {"upgradeSelected", "go-up", ":/icons/upgrade-selected.svg"},
        {"downgradeOne", "go-down", ":/icons/downgrade-one.svg"},
        {"downgradeSelected", "go-down", ":/icons/downgrade-selected.svg"},
        {"rerunSelected", "media-playlist-repeat", ":/icons/rerun.svg"},
        {"stampSelected", "bookmark-new", ":/icons/stamp.svg"},
        {"stampSelectedPurge", "edit-clear", ":/icons/stamp-purge.svg"},
        {"mergeHeads", "vcs-merge", ":/icons/merge.svg"},
        {"backupNow", "document-save", ":/icons/save.svg"},
        {"restore", "document-revert", ":/icons/restore.svg"},
        {"refresh", "view-refresh", ":/icons/refresh.svg"},
        {"connectionProfiles", "network-server", ":/icons/profiles.svg"},
        {"replaySchemas", "media-playback-start", ":/icons/replay.svg"},
        {"stopReplay", "media-playback-stop", ":/icons/stop.svg"},
        {"verifyDowngrades", "dialog-ok", ":/icons/verify.svg"},
        {"editScript", "document-edit", ":/icons/edit.svg"},
        {"openExternalEditor", "document-open", ":/icons/external-editor.svg"},
        {"copyWholeLog", "edit-copy", ":/icons/copy.svg"},
        {"saveLog", "document-save-as", ":/icons/save.svg"},
        {"newRevision", "document-new", ":/icons/new-revision.svg"},
        {"autogenerate", "tools-wizard", ":/icons/autogenerate.svg"},
        {"aboutRetort", "help-about", ":/icons/about.svg"},
        {"keyboardShortcuts", "preferences-desktop-keyboard", ":/icons/shortcuts.svg"},
    };
    return table;
}

QIcon icon(const QString &objectName)
{
    for (const Entry &entry : entries()) {
        if (objectName == QLatin1String(entry.action))
            return QIcon::fromTheme(QLatin1String(entry.themeName), QIcon(QLatin1String(entry.fallback)));
    }
    return {};
}

void apply(QAction *action)
{
    const QIcon found = icon(action->objectName());
    if (!found.isNull())
        action->setIcon(found);
}

} // namespace retort::ui::ActionIcons
