#include "JournalEntry.h"

#include <QSysInfo>

namespace retort {

QString JournalEntry::currentUserAtHost()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME");
    if (user.isEmpty())
        user = QStringLiteral("unknown");
    return user + QLatin1Char('@') + QSysInfo::machineHostName();
}

} // namespace retort
