#include "RecentProjects.h"

#include <QSettings>

namespace retort::ui {

namespace {
const QString ProjectsKey = QStringLiteral("recent/projects");
const QString UrlsKey = QStringLiteral("recent/urls");
} // namespace

QStringList RecentProjects::prepend(QStringList list, const QString &entry)
{
    if (entry.isEmpty())
        return list;
    list.removeAll(entry);
    list.prepend(entry);
    while (list.size() > MaxEntries)
        list.removeLast();
    return list;
}

QStringList RecentProjects::projects()
{
    return QSettings().value(ProjectsKey).toStringList();
}

void RecentProjects::addProject(const QString &directory)
{
    QSettings().setValue(ProjectsKey, prepend(projects(), directory));
}

QStringList RecentProjects::urls()
{
    return QSettings().value(UrlsKey).toStringList();
}

void RecentProjects::addUrl(const QString &url)
{
    QSettings().setValue(UrlsKey, prepend(urls(), url));
}

} // namespace retort::ui
