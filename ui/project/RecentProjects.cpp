#include "RecentProjects.h"

#include "UrlPassword.h"

#include <QSettings>

namespace retort::ui {

namespace {
const QString ProjectsKey = QStringLiteral("recent/projects");
const QString UrlsKey = QStringLiteral("recent/urls");
const QString PasswordUrlsKey = QStringLiteral("recent/urlsWithPassword");

// The stored list with every password removed; unparsable entries are dropped.
QStringList cleanUrls(const QStringList &stored, QStringList *withPassword)
{
    QStringList clean;
    for (const QString &entry : stored) {
        const std::optional<UrlPassword> split = UrlPassword::split(entry);
        if (!split || clean.contains(split->url))
            continue;
        clean.append(split->url);
        if (split->hasPassword() && withPassword && !withPassword->contains(split->url))
            withPassword->append(split->url);
    }
    return clean;
}
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
    QSettings settings;
    const QStringList stored = settings.value(UrlsKey).toStringList();
    QStringList withPassword = settings.value(PasswordUrlsKey).toStringList();
    const QStringList clean = cleanUrls(stored, &withPassword);
    if (clean != stored) {
        // Written by a version that kept passwords: rewrite the file without them.
        settings.setValue(UrlsKey, clean);
        settings.setValue(PasswordUrlsKey, withPassword);
        settings.sync();
    }
    return clean;
}

void RecentProjects::addUrl(const QString &url)
{
    const std::optional<UrlPassword> split = UrlPassword::split(url.trimmed());
    if (!split)
        return;
    const QStringList list = prepend(urls(), split->url);
    QSettings settings;
    QStringList withPassword = settings.value(PasswordUrlsKey).toStringList();
    if (split->hasPassword() && !withPassword.contains(split->url))
        withPassword.append(split->url);
    // Only flags for URLs still in the list are kept.
    withPassword.removeIf([&](const QString &entry) { return !list.contains(entry); });
    settings.setValue(UrlsKey, list);
    settings.setValue(PasswordUrlsKey, withPassword);
}

bool RecentProjects::urlNeedsPassword(const QString &url)
{
    return QSettings().value(PasswordUrlsKey).toStringList().contains(url);
}

} // namespace retort::ui
