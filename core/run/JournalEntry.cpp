#include "JournalEntry.h"

#include <QSysInfo>

namespace retort {

QString JournalEntry::currentUserAtHost()
{
    // Asked once: neither changes while the process runs, and a run writes a row per step.
    static const QString userAtHost = []() -> QString {
        QString user = qEnvironmentVariable("USER");
        if (user.isEmpty())
            user = qEnvironmentVariable("USERNAME");
        if (user.isEmpty())
            user = QStringLiteral("unknown");
        return user + QLatin1Char('@') + QSysInfo::machineHostName();
    }();
    return userAtHost;
}

} // namespace retort
