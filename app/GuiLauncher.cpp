#include "GuiLauncher.h"

#include "MainWindow.h"
#include "RetortVersion.h"
#include "db/SqliteFile.h"

#include "graph/RevisionGraphModel.h"
#include "run/MigrationController.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTimer>
#include <QTreeView>

#include <cstdio>
#include <ctime>
#include <unistd.h>

namespace {

// The bundled demo: next to the executable when installed, in the source tree when built.
QString demoProjectDirectory()
{
    const QString installed =
        QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("../share/retort/demo"));
    if (QDir(installed).exists())
        return QDir(installed).canonicalPath();
    return QStringLiteral(RETORT_DEMO_SOURCE_DIR);
}

// Milliseconds since this process started: the kernel's start time in /proc/self/stat (clock
// ticks since boot, field 22) against CLOCK_BOOTTIME, so exec, dynamic loading and static
// initialisation count too. Resolution: one clock tick (10 ms). -1 when /proc is unreadable.
qint64 msSinceProcessStart()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 20)
        return -1;
    bool ok = false;
    const qint64 startTicks = fields.at(19).toLongLong(&ok); // field 22 overall
    const long ticksPerSecond = sysconf(_SC_CLK_TCK);
    timespec now{};
    if (!ok || ticksPerSecond <= 0 || clock_gettime(CLOCK_BOOTTIME, &now) != 0)
        return -1;
    const qint64 nowMs = qint64(now.tv_sec) * 1000 + now.tv_nsec / 1000000;
    return nowMs - startTicks * 1000 / ticksPerSecond;
}

// A measuring hook for the benchmarks (RETORT_BENCH_FIRST_PAINT=1), not a user feature: prints
// `first-paint-ms N` once the graph view's viewport has painted rows, then, when a database
// was given, `state-paint-ms N` once it has painted them with the applied state read, and
// quits. Gives up (exit 3) after a minute without either.
class FirstPaintProbe : public QObject
{
public:
    FirstPaintProbe(retort::ui::MainWindow &window, bool waitForState)
        : QObject(&window), m_window(window), m_waitForState(waitForState)
    {
        window.graphView()->viewport()->installEventFilter(this);
        auto *controller = window.controller();
        // No state will come: stop at the rows.
        connect(controller, &retort::ui::MigrationController::connectionFailed, this, [this] { stopWaiting(); });
        connect(controller, &retort::ui::MigrationController::stateFailed, this, [this] { stopWaiting(); });
        QTimer::singleShot(60000, this, [] { QCoreApplication::exit(3); });
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && m_window.graphModel()->rowCount() > 0) {
            // Report once the paint event has been handled: the next turn of the event loop.
            const bool withState = m_window.graphModel()->hasDatabaseState();
            QTimer::singleShot(0, this, [this, withState] { painted(withState); });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    void painted(bool withState)
    {
        const qint64 ms = msSinceProcessStart();
        if (!m_rowsReported) {
            m_rowsReported = true;
            std::printf("first-paint-ms %lld\n", static_cast<long long>(ms));
        }
        if (withState && !m_stateReported) {
            m_stateReported = true;
            std::printf("state-paint-ms %lld\n", static_cast<long long>(ms));
        }
        std::fflush(stdout);
        if (m_stateReported || !m_waitForState)
            QCoreApplication::exit(0);
    }

    void stopWaiting()
    {
        m_waitForState = false;
        if (m_rowsReported)
            QCoreApplication::exit(0);
    }

    retort::ui::MainWindow &m_window;
    bool m_waitForState;
    bool m_rowsReported = false;
    bool m_stateReported = false;
};

} // namespace

int runGui(int &argc, char **argv, const retort::cli::Invocation &invocation)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("retort"));
    QApplication::setApplicationDisplayName(QStringLiteral("Retort"));
    QApplication::setOrganizationName(QStringLiteral("Retort"));
    QApplication::setApplicationVersion(QStringLiteral(RETORT_VERSION_STRING));

    QString directory = invocation.value(QStringLiteral("directory"));
    if (directory.isEmpty() && !invocation.positionals.isEmpty())
        directory = invocation.positionals.constFirst();
    QString url = invocation.value(QStringLiteral("url"));

    if (invocation.has(QStringLiteral("demo"))) {
        directory = demoProjectDirectory();
        // The demo's database lives with the user's data, never in the source tree.
        const QString dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        const QString database = QDir(dataDir).filePath(QStringLiteral("demo/retort-demo.db"));
        QString error;
        if (!retort::ensureSqliteDatabase(database, &error)) {
            QMessageBox::critical(nullptr, QStringLiteral("Retort"), error);
            return 1;
        }
        url = QStringLiteral("sqlite:///") + database;
    }
    if (directory.isEmpty())
        directory = QDir::currentPath();

    retort::ui::MainWindow window;
    window.openProject(QDir(directory).absolutePath(), url);
    if (qEnvironmentVariableIntValue("RETORT_BENCH_FIRST_PAINT") == 1)
        new FirstPaintProbe(window, !url.isEmpty());
    window.show();
    return app.exec();
}
