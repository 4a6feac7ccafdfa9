// The floor for the GUI launch benchmark: the least a Qt Widgets program showing a tree view
// does (QApplication, QMainWindow, an empty QTreeView). Prints `first-paint-ms N` the way
// retort's RETORT_BENCH_FIRST_PAINT hook does (app/ProcessClock.h: milliseconds since the
// process started), once the view's viewport has painted, then quits.
#include "ProcessClock.h"

#include <QApplication>
#include <QMainWindow>
#include <QStandardItemModel>
#include <QTimer>
#include <QTreeView>

#include <cstdio>

namespace {

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
                std::printf("first-paint-ms %lld\n", static_cast<long long>(retort::msSinceProcessStart()));
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
