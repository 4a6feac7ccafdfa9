#pragma once

#include <QByteArray>
#include <QString>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace retort {

// Writes the snapshot cache's files on a thread of its own, in the order they were queued, so
// a replay goes on to its next step while the file system makes the last one's file (creating
// a file is most of what storing a snapshot costs). A file is written beside its name and
// renamed, so a reader sees all of it or nothing; one that cannot be written is only a warning
// (retort.shadow): the replay it saves is merely done again.
class SnapshotFileWriter
{
public:
    struct Job
    {
        QString path;
        QByteArray content;
        // When set: a hard link to this file, which holds the same content, instead of a new
        // file; `content` is written only where the link cannot be made.
        QString sameAs;
    };

    SnapshotFileWriter() = default;
    ~SnapshotFileWriter(); // writes what is queued, then stops
    SnapshotFileWriter(const SnapshotFileWriter &) = delete;
    SnapshotFileWriter &operator=(const SnapshotFileWriter &) = delete;

    void enqueue(Job job);
    // Returns once every queued file is written (or has failed).
    void flush();

    // What a job does, on the calling thread.
    static void write(const Job &job);

private:
    void run();

    std::mutex m_mutex;
    std::condition_variable m_wake; // a job came, or stop
    std::condition_variable m_idle; // the queue ran empty
    std::deque<Job> m_jobs;
    bool m_working = false; // a job taken off the queue is being written
    bool m_stop = false;
    std::thread m_thread; // started with the first job
};

} // namespace retort
