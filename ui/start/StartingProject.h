#pragma once

#include <QString>

namespace retort::ui {

// The project the window opens when none is named: the one in `workingDirectory`, found as
// `flask db` finds it (./migrations, or the directory itself); else the last project opened, if it
// is still there; else none (empty), and the window starts on its start page.
QString startingProject(const QString &workingDirectory);

} // namespace retort::ui
