#pragma once

#include <QFileSystemWatcher>
#include <QObject>
#include <QStringList>
#include <QTimer>

namespace retort::ui {

// Watches a project's files on disk (alembic.ini, the version locations and every revision file
// in them) and says `changed` once a burst of writes is over, so an editor saving a file, git
// switching branches or a new revision from the command line refresh the graph once.
class ProjectWatcher : public QObject
{
    Q_OBJECT

public:
    explicit ProjectWatcher(QObject *parent = nullptr);

    // Replaces what is watched: the directories and the files (missing ones are skipped).
    void watch(const QStringList &directories, const QStringList &files);
    void clear();
    QStringList watchedPaths() const;
    // How long after the last change `changed` comes; a burst of saves gives one signal.
    void setSettleInterval(int ms) { m_settle.setInterval(ms); }

signals:
    void changed();

private:
    void touched(const QString &path);

    QFileSystemWatcher m_watcher;
    QTimer m_settle;
};

} // namespace retort::ui
