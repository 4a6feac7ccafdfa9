#pragma once

#include <QList>
#include <QObject>
#include <QString>

#include <functional>

class QThread;

namespace retort::ui {

// Work that may block for seconds (git, the project's Alembic) on threads of its own, so the
// window never waits: each job runs once on a low-priority QThread, then `done` runs on this
// object's thread. The destructor waits for jobs still running (each is bounded by its own
// timeout), so a job never outlives what started it. `work` must touch only data it owns.
class BackgroundJobs : public QObject
{
public:
    explicit BackgroundJobs(QObject *parent = nullptr)
        : QObject(parent)
    {
    }
    ~BackgroundJobs() override;

    void start(const QString &name, std::function<void()> work, std::function<void()> done);

private:
    QList<QThread *> m_threads;
};

} // namespace retort::ui
