#pragma once

#include "BackgroundJobs.h"
#include "vcs/GitHistory.h"

#include <QMetaType>
#include <QObject>
#include <QStringList>

#include <memory>

Q_DECLARE_METATYPE(std::shared_ptr<const retort::GitHistory>)

namespace retort::ui {

// Reads a project's git history on a thread of its own, so a long history never blocks the
// window. Only the newest request answers: a result for a project left meanwhile is dropped.
class GitHistoryLoader : public QObject
{
    Q_OBJECT

public:
    explicit GitHistoryLoader(QObject *parent = nullptr);
    ~GitHistoryLoader() override; // waits for reads still running (git is bounded by a timeout)

    // Starts reading the version locations; any earlier request will not answer.
    void load(const QStringList &directories);
    // Forgets the pending request (the project was closed).
    void cancel()
    {
        ++m_generation;
        m_pending = false;
    }
    bool isLoading() const { return m_pending; }

signals:
    void loaded(std::shared_ptr<const retort::GitHistory> history);
    // git itself failed (not: "no repository"); for the log.
    void failed(const QString &message);

private:
    quint64 m_generation = 0;
    bool m_pending = false;
    BackgroundJobs m_jobs;
};

} // namespace retort::ui
