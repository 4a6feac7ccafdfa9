#include "SnapshotFileWriter.h"

#include "Logging.h"

#include <QFile>
#include <QTemporaryFile>

#include <cerrno>

#include <unistd.h>

namespace retort {

SnapshotFileWriter::~SnapshotFileWriter()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_one();
    if (m_thread.joinable())
        m_thread.join();
}

void SnapshotFileWriter::enqueue(Job job)
{
    {
        std::lock_guard lock(m_mutex);
        m_jobs.push_back(std::move(job));
        if (!m_thread.joinable())
            m_thread = std::thread([this] { run(); });
    }
    m_wake.notify_one();
}

void SnapshotFileWriter::flush()
{
    std::unique_lock lock(m_mutex);
    m_idle.wait(lock, [this] { return m_jobs.empty() && !m_working; });
}

void SnapshotFileWriter::run()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_stop || !m_jobs.empty(); });
        if (m_jobs.empty())
            return; // stopping, and all is written
        Job job = std::move(m_jobs.front());
        m_jobs.pop_front();
        m_working = true;
        lock.unlock();
        write(job);
        lock.lock();
        m_working = false;
        if (m_jobs.empty())
            m_idle.notify_all();
    }
}

void SnapshotFileWriter::write(const Job &job)
{
    // A key names what produced the file, so one that appeared meanwhile (EEXIST) is the same.
    if (!job.sameAs.isEmpty()
        && (::link(QFile::encodeName(job.sameAs).constData(), QFile::encodeName(job.path).constData()) == 0
            || errno == EEXIST))
        return;
    // Not synced to disk (as QSaveFile would, once per revision): a cache file lost in a crash
    // is only replayed again.
    QTemporaryFile file(job.path + QStringLiteral(".XXXXXX"));
    if (!file.open() || file.write(job.content) != job.content.size() || !file.flush()) {
        qCWarning(lcShadow) << "not cached: cannot write" << job.path << ":" << file.errorString();
        return;
    }
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    if (file.rename(job.path))
        file.setAutoRemove(false);
    else if (!QFile::exists(job.path))
        qCWarning(lcShadow) << "not cached: cannot write" << job.path << ":" << file.errorString();
}

} // namespace retort
