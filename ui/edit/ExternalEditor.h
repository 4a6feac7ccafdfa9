#pragma once

#include <QProcessEnvironment>
#include <QString>

namespace retort::ui {

// Opens a file in the person's own editor: $VISUAL, else $EDITOR (split into words as a shell
// would, run without one), else the desktop's default application for the file. Either way
// Retort does not wait; the file watcher sees the saved file.
struct ExternalEditorLaunch
{
    bool started = false;
    QString how; // what was started, for the log: "gedit /path" or "the desktop's default application"
    QString error; // why nothing started
};

ExternalEditorLaunch
openInExternalEditor(const QString &path,
                     const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());

} // namespace retort::ui
