// The floor for the GUI launch benchmark: the least a Qt Widgets program showing a tree view
// does (QApplication, QMainWindow, an empty QTreeView). Prints `first-paint-ms N` the way
// retort's RETORT_BENCH_FIRST_PAINT hook does (milliseconds since the process started, from
// /proc/self/stat), once the view's viewport has painted, then quits.
#include <QApplication>
#include <QFile>
#include <QMainWindow>
#include <QStandardItemModel>
#include <QTimer>
#include <QTreeView>

#include <cstdio>
#include <ctime>
#include <unistd.h>

namespace {

// Same measure as app/GuiLauncher.cpp (kept separate so the floor links nothing of retort).
qint64 msSinceProcessStart()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 20)
        return -1;
    bool ok = false;
    const qint64 startTicks = fields.at(19).toLongLong(&ok);
    const long ticksPerSecond = sysconf(_SC_CLK_TCK);
    timespec now{};
    if (!ok || ticksPerSecond <= 0 || clock_gettime(CLOCK_BOOTTIME, &now) != 0)
        return -1;
    return qint64(now.tv_sec) * 1000 + now.tv_nsec / 1000000 - startTicks * 1000 / ticksPerSecond;
}

class PaintProbe : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_done) {
            m_done = true;
            QTimer::singleShot(0, this, [] {
                std::printf("first-paint-ms %lld\n", static_cast<long long>(msSinceProcessStart()));
                std::fflush(stdout);
                QCoreApplication::exit(0);
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool m_done = false;
};

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QMainWindow window;
    auto *view = new QTreeView(&window);
    // Empty, but with the graph view's five columns so the header paints the same way.
    auto *model = new QStandardItemModel(0, 5, &window);
    view->setModel(model);
    window.setCentralWidget(view);
    window.resize(1280, 800);
    view->viewport()->installEventFilter(new PaintProbe(&window));
    QTimer::singleShot(60000, &app, [] { QCoreApplication::exit(3); });
    window.show();
    return app.exec();
}
