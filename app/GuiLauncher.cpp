#include "GuiLauncher.h"

#include "FirstPaintProbe.h"

#include "MainWindow.h"
#include "RetortVersion.h"
#include "Translations.h"
#include "db/SqliteFile.h"
#include "start/StartingProject.h"

#include <QApplication>
#include <QDir>
#include <QMessageBox>
#include <QStandardPaths>

#include <cstdio>
#include <cstdlib>

namespace {

// The bundled demo: in share/retort when installed, in the source tree when built.
QString demoProjectDirectory()
{
    const QString installed =
        QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral(RETORT_DEMO_FROM_GUI));
    if (QDir(installed).exists())
        return QDir(installed).canonicalPath();
    return QStringLiteral(RETORT_DEMO_SOURCE_DIR);
}

// The demo project, with a SQLite database among the user's data (never in the source tree).
bool demoProject(QString *directory, QString *url, QString *error)
{
    *directory = demoProjectDirectory();
    const QString dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    const QString database = QDir(dataDir).filePath(QStringLiteral("demo/retort-demo.db"));
    if (const auto created = retort::ensureSqliteDatabase(database); !created.ok()) {
        *error = created.error().message;
        return false;
    }
    *url = QStringLiteral("sqlite:///") + database;
    return true;
}

constexpr int noDisplayExitCode = 2;

const char noDisplayMessage[] =
    "retort: cannot open the window: no display to show it on. Give a verb to use the command "
    "line (see retort --help), or set DISPLAY or WAYLAND_DISPLAY (QT_QPA_PLATFORM=offscreen runs it "
    "without one).\n";

bool displayConfigured()
{
    return !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") || !qEnvironmentVariableIsEmpty("DISPLAY")
        || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
}

// Qt ends the process with abort() when no platform plugin can start (a DISPLAY that no server
// answers, say); a person should get a message and a usage exit instead of a core dump.
QtMessageHandler previousHandler = nullptr;

void platformStartHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type != QtFatalMsg) {
        if (previousHandler)
            previousHandler(type, context, message);
        return;
    }
    std::fputs(noDisplayMessage, stderr);
    std::fprintf(stderr, "retort: Qt said: %s\n", qPrintable(message.trimmed()));
    std::_Exit(noDisplayExitCode);
}

} // namespace

int runGui(int &argc, char **argv, const retort::cli::Invocation &invocation)
{
    if (!displayConfigured()) {
        std::fputs(noDisplayMessage, stderr);
        return noDisplayExitCode;
    }
    previousHandler = qInstallMessageHandler(platformStartHandler);
    QApplication app(argc, argv);
    qInstallMessageHandler(previousHandler);
    QApplication::setApplicationName(QStringLiteral("retort"));
    QApplication::setApplicationDisplayName(QStringLiteral("Retort"));
    QApplication::setOrganizationName(QStringLiteral("Retort"));
    QApplication::setApplicationVersion(QStringLiteral(RETORT_VERSION_STRING));
    retort::ui::installTranslations(app);

    QString directory = invocation.value(QStringLiteral("directory"));
    if (directory.isEmpty() && !invocation.positionals.isEmpty())
        directory = invocation.positionals.constFirst();
    QString url = invocation.value(QStringLiteral("url"));

    if (invocation.has(QStringLiteral("demo"))) {
        QString error;
        if (!demoProject(&directory, &url, &error)) {
            QMessageBox::critical(nullptr, QStringLiteral("Retort"), error);
            return 1;
        }
    }
    if (directory.isEmpty())
        directory = retort::ui::startingProject(QDir::currentPath());

    retort::ui::MainWindow window;
    window.setDemoOpener([&window] {
        QString demoDirectory;
        QString demoUrl;
        QString error;
        if (demoProject(&demoDirectory, &demoUrl, &error))
            window.openProject(demoDirectory, demoUrl);
        else
            QMessageBox::critical(&window, QStringLiteral("Retort"), error);
    });
    if (!directory.isEmpty())
        window.openProject(QDir(directory).absolutePath(), url);
    if (qEnvironmentVariableIntValue("RETORT_BENCH_FIRST_PAINT") == 1)
        new retort::FirstPaintProbe(window, !url.isEmpty());
    window.show();
    return app.exec();
}
