#include "ExternalEditor.h"

#include <QCoreApplication>
#include <QDesktopServices>
#include <QProcess>
#include <QUrl>

namespace retort::ui {

ExternalEditorLaunch openInExternalEditor(const QString &path, const QProcessEnvironment &environment)
{
    ExternalEditorLaunch launch;
    for (const QString &variable : {QStringLiteral("VISUAL"), QStringLiteral("EDITOR")}) {
        const QString command = environment.value(variable).trimmed();
        if (command.isEmpty())
            continue;
        QStringList words = QProcess::splitCommand(command);
        if (words.isEmpty())
            continue;
        const QString program = words.takeFirst();
        words.append(path);
        launch.how = QStringLiteral("$%1: %2 %3").arg(variable, program, words.join(QLatin1Char(' ')));
        launch.started = QProcess::startDetached(program, words);
        if (!launch.started)
            launch.error =
                QCoreApplication::translate("ExternalEditor",
                                            "$%1 names %2, which could not be started; set it to an "
                                            "editor that opens a window (a terminal editor needs a terminal)")
                    .arg(variable, program);
        return launch;
    }
    launch.how = QCoreApplication::translate("ExternalEditor", "the desktop's default application");
    launch.started = QDesktopServices::openUrl(QUrl::fromLocalFile(path));
    if (!launch.started)
        launch.error = QCoreApplication::translate("ExternalEditor",
                                                   "no application opens %1; set VISUAL or EDITOR to your editor")
                           .arg(path);
    return launch;
}

} // namespace retort::ui
