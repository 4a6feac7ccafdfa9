#include "ProjectWatcher.h"

#include <QFileInfo>

namespace retort::ui {

ProjectWatcher::ProjectWatcher(QObject *parent)
    : QObject(parent)
{
    m_settle.setSingleShot(true);
    m_settle.setInterval(250);
    connect(&m_settle, &QTimer::timeout, this, &ProjectWatcher::changed);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, &ProjectWatcher::touched);
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, &ProjectWatcher::touched);
}

void ProjectWatcher::watch(const QStringList &directories, const QStringList &files)
{
    clear();
    QStringList paths;
    for (const QString &path : directories + files) {
        if (QFileInfo::exists(path) && !paths.contains(path))
            paths << path;
    }
    if (!paths.isEmpty())
        m_watcher.addPaths(paths);
}

void ProjectWatcher::clear()
{
    m_settle.stop();
    const QStringList watched = watchedPaths();
    if (!watched.isEmpty())
        m_watcher.removePaths(watched);
}

QStringList ProjectWatcher::watchedPaths() const
{
    return m_watcher.directories() + m_watcher.files();
}

void ProjectWatcher::touched(const QString &path)
{
    // Editors that save by renaming replace the file: watch the new one.
    if (QFileInfo::exists(path) && !watchedPaths().contains(path))
        m_watcher.addPath(path);
    m_settle.start();
}

} // namespace retort::ui
