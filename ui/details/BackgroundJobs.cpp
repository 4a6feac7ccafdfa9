#include "BackgroundJobs.h"

#include <QThread>

namespace retort::ui {

BackgroundJobs::~BackgroundJobs()
{
    for (QThread *thread : std::as_const(m_threads)) {
        thread->wait();
        delete thread;
    }
}

void BackgroundJobs::start(const QString &name, std::function<void()> work, std::function<void()> done)
{
    QThread *thread = QThread::create(std::move(work));
    thread->setObjectName(name);
    m_threads.append(thread);
    connect(thread, &QThread::finished, this, [this, thread, done = std::move(done)] {
        m_threads.removeOne(thread);
        thread->deleteLater();
        done();
    });
    thread->start(QThread::LowPriority);
}

} // namespace retort::ui
