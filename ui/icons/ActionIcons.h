#pragma once

#include <QIcon>
#include <QString>

class QAction;
class QWidget;

namespace retort::ui::ActionIcons {

// One row per action: its object name, the freedesktop icon name the desktop theme may provide,
// and our own line drawing (a 16x16 SVG in the :/icons resource) used where the theme has none.
struct Entry
{
    const char *action;
    const char *themeName;
    const char *fallback; // resource path
};

// Every action the window shows, in menu order.
const QList<Entry> &entries();

// The theme's icon for the action named `objectName`, else our drawing; null for an unknown name.
QIcon icon(const QString &objectName);

// Gives `action` the icon of its object name (nothing for a name not in the table).
void apply(QAction *action);

} // namespace retort::ui::ActionIcons
