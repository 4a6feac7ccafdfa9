#include "FirstPaintProbe.h"

#include "MainWindow.h"
#include "ProcessClock.h"
#include "graph/RevisionGraphModel.h"
#include "run/MigrationController.h"

#include <QCoreApplication>
#include <QEvent>
#include <QTimer>
#include <QTreeView>

#include <cstdio>

namespace retort {

FirstPaintProbe::FirstPaintProbe(ui::MainWindow &window, bool waitForState)
    : QObject(&window)
    , m_window(window)
    , m_waitForState(waitForState)
{
    window.graphView()->viewport()->installEventFilter(this);
    auto *controller = window.controller();
    // No state will come: stop at the rows.
    connect(controller, &ui::MigrationController::connectionFailed, this, [this] { stopWaiting(); });
    connect(controller, &ui::MigrationController::stateFailed, this, [this] { stopWaiting(); });
    QTimer::singleShot(60000, this, [] { QCoreApplication::exit(3); });
}

bool FirstPaintProbe::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Paint && m_window.graphModel()->rowCount() > 0) {
        // Report once the paint event has been handled: the next turn of the event loop.
        const bool withState = m_window.graphModel()->hasDatabaseState();
        QTimer::singleShot(0, this, [this, withState] { painted(withState); });
    }
    return QObject::eventFilter(watched, event);
}

void FirstPaintProbe::painted(bool withState)
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

void FirstPaintProbe::stopWaiting()
{
    m_waitForState = false;
    if (m_rowsReported)
        QCoreApplication::exit(0);
}

} // namespace retort
