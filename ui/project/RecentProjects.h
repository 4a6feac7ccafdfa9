#pragma once

#include <QStringList>

namespace retort::ui {

// Recently opened project folders and database URLs, newest first, kept in QSettings.
class RecentProjects
{
public:
    static constexpr int MaxEntries = 10;

    static QStringList projects();
    static void addProject(const QString &directory);
    static QStringList urls();
    static void addUrl(const QString &url);

    // Newest first, without duplicates, at most MaxEntries.
    static QStringList prepend(QStringList list, const QString &entry);
};

} // namespace retort::ui
