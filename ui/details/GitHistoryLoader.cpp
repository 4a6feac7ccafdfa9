#include "GitHistoryLoader.h"

#include <QThread>

namespace retort::ui {

namespace {

struct LoadResult
{
    std::shared_ptr<const GitHistory> history;
    QString error;
};

} // namespace

GitHistoryLoader::GitHistoryLoader(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<std::shared_ptr<const retort::GitHistory>>();
}

GitHistoryLoader::~GitHistoryLoader()
{
    for (QThread *thread : std::as_const(m_threads)) {
        thread->wait();
        delete thread;
    }
}

void GitHistoryLoader::load(const QStringList &directories)
{
    const quint64 generation = ++m_generation;
    m_pending = true;
    // The thread touches only its own result; the loader reads it back on its own thread.
    auto result = std::make_shared<LoadResult>();
    QThread *thread = QThread::create([directories, result] {
        QString error;
        result->history = std::make_shared<const GitHistory>(GitHistory::read(directories, &error));
        result->error = error;
    });
    thread->setObjectName(QStringLiteral("retort-git"));
    m_threads.append(thread);
    connect(thread, &QThread::finished, this, [this, thread, result, generation] {
        m_threads.removeOne(thread);
        thread->deleteLater();
        if (generation != m_generation)
            return; // a newer request, or the project was closed
        m_pending = false;
        if (!result->error.isEmpty())
            emit failed(result->error);
        emit loaded(result->history);
    });
    thread->start(QThread::LowPriority);
}

} // namespace retort::ui
