#pragma once

#include <QFile>
#include <QList>

#include <ctime>
#include <unistd.h>

namespace retort {

// Milliseconds since this process started: the kernel's start time in /proc/self/stat (clock
// ticks since boot, field 22) against CLOCK_BOOTTIME, so exec, dynamic loading and static
// initialisation count too. Resolution: one clock tick (10 ms). -1 when /proc is unreadable.
inline qint64 msSinceProcessStart()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 20)
        return -1;
    bool ok = false;
    const qint64 startTicks = fields.at(19).toLongLong(&ok); // field 22 overall
    const long ticksPerSecond = sysconf(_SC_CLK_TCK);
    timespec now{};
    if (!ok || ticksPerSecond <= 0 || clock_gettime(CLOCK_BOOTTIME, &now) != 0)
        return -1;
    const qint64 nowMs = qint64(now.tv_sec) * 1000 + now.tv_nsec / 1000000;
    return nowMs - startTicks * 1000 / ticksPerSecond;
}

} // namespace retort
