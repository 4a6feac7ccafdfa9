#pragma once

#include <QStringList>

namespace retort::ui {

// Recently opened project folders and database URLs, newest first, kept in QSettings.
// URLs are kept without their password (which belongs in the PasswordVault); a URL that had one
// is remembered as needing one, so choosing it again asks when the vault has none.
class RecentProjects
{
public:
    static constexpr int MaxEntries = 10;

    static QStringList projects();
    static void addProject(const QString &directory);
    // Password-less. Entries written by older versions with a password are cleaned on read.
    static QStringList urls();
    // Stores url without its password; text that does not parse as a URL is not stored at all,
    // since it could hold a password in a form we cannot recognise.
    static void addUrl(const QString &url);
    // Whether the password-less url was added with a password.
    static bool urlNeedsPassword(const QString &url);

    // Newest first, without duplicates, at most MaxEntries.
    static QStringList prepend(QStringList list, const QString &entry);
};

} // namespace retort::ui
