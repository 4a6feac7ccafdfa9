#include "FaultRun.h"

#include "EngineProcess.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QThread>

#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace FaultRun {

bool becomeSubreaper()
{
    return ::prctl(PR_SET_CHILD_SUBREAPER, 1L, 0L, 0L, 0L) == 0;
}

namespace {

// /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces and parentheses.
QList<QByteArray> statFields(const QString &pid)
{
    QFile stat(u"/proc/"_s + pid + u"/stat"_s);
    if (!stat.open(QIODevice::ReadOnly))
        return {};
    const QByteArray text = stat.readAll();
    const qsizetype close = text.lastIndexOf(')');
    if (close < 0)
        return {};
    return text.mid(close + 2).split(' ');
}

bool isZombie(qint64 pid)
{
    return statFields(QString::number(pid)).value(0) == "Z";
}

} // namespace

QList<qint64> childrenOf(qint64 parent, const QList<qint64> &known)
{
    QList<qint64> children;
    const QStringList entries = QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool isPid = false;
        const qint64 pid = entry.toLongLong(&isPid);
        if (!isPid || known.contains(pid))
            continue;
        const QList<QByteArray> fields = statFields(entry);
        if (fields.size() > 1 && fields.at(1).toLongLong() == parent)
            children.append(pid);
    }
    return children;
}

KilledRun runAndKill(const QStringList &arguments, int delayMs, const QProcessEnvironment &environment,
                     const QString &anchor, const std::function<QString()> &observe)
{
    constexpr int orphanWaitMs = 120000;
    KilledRun run;
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setStandardInputFile(QProcess::nullDevice());
    process.start(EngineProcess::retortExecutable(), arguments);
    if (!process.waitForStarted(30000)) {
        run.err = process.errorString();
        return run;
    }
    QByteArray err;
    if (!anchor.isEmpty()) {
        const QByteArray marker = anchor.toUtf8();
        process.setReadChannel(QProcess::StandardError);
        while (!err.contains(marker) && process.state() != QProcess::NotRunning) {
            process.waitForReadyRead(1000);
            err += process.readAllStandardError();
        }
    }
    QElapsedTimer clock;
    clock.start();
    if (process.state() == QProcess::NotRunning || process.waitForFinished(delayMs)) {
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    } else {
        // Its children now: only they can be left behind by this kill (the test process may
        // have other children of its own, such as a sanitizer's symbolizer).
        run.childrenAtKill = childrenOf(process.processId());
        process.kill(); // SIGKILL: no handler, no cleanup, no flushing
        process.waitForFinished(-1);
        run.killed = true;
        if (observe)
            run.stateAtKill = observe();
    }
    run.ranMs = clock.elapsed();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(err + process.readAllStandardError());

    // Retort has been reaped, so every child of ours now is one it left behind.
    // One that had already exited when it was first seen ended before the kill, on its own.
    QList<qint64> reaped;
    QList<qint64> seen;
    QList<qint64> endedFirst;
    const QDeadlineTimer deadline(orphanWaitMs);
    for (;;) {
        QList<qint64> orphans = childrenOf(::getpid(), reaped);
        orphans.removeIf([&run](qint64 pid) { return !run.childrenAtKill.contains(pid); });
        if (orphans.isEmpty() || deadline.hasExpired())
            break;
        for (const qint64 pid : orphans) {
            if (!seen.contains(pid)) {
                seen.append(pid);
                if (isZombie(pid))
                    endedFirst.append(pid);
            }
            int status = 0;
            if (::waitpid(pid_t(pid), &status, WNOHANG) != pid_t(pid))
                continue;
            reaped.append(pid);
            ++run.orphans;
            if (WIFSIGNALED(status))
                ++run.orphansSignalled;
            else if (endedFirst.contains(pid))
                ++run.orphansEndedFirst;
            else
                ++run.orphansExited;
        }
        QThread::msleep(10);
    }
    if (run.killed && observe)
        run.stateAfterOrphans = observe();
    return run;
}

} // namespace FaultRun
