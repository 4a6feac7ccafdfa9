#pragma once

#include <QObject>

namespace retort::ui {
class MainWindow;
}

namespace retort {

// A measuring hook for the benchmarks (RETORT_BENCH_FIRST_PAINT=1), not a user feature: prints
// `first-paint-ms N` once the graph view's viewport has painted rows, then, when a database
// was given, `state-paint-ms N` once it has painted them with the applied state read, and
// quits. Gives up (exit 3) after a minute without either. N counts from the process's start
// (ProcessClock.h).
class FirstPaintProbe : public QObject
{
public:
    FirstPaintProbe(ui::MainWindow &window, bool waitForState);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void painted(bool withState);
    void stopWaiting();

    ui::MainWindow &m_window;
    bool m_waitForState;
    bool m_rowsReported = false;
    bool m_stateReported = false;
};

} // namespace retort
