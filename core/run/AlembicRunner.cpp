#include "AlembicRunner.h"

#include "AlembicOutputParser.h"
#include "SecretMask.h"

#include <QElapsedTimer>
#include <QProcess>

using namespace Qt::StringLiterals;

namespace retort {

namespace {

// Splits arriving bytes into lines; a partial last line waits for the rest.
class LineBuffer
{
public:
    QStringList take(const QByteArray &bytes, bool flush)
    {
        m_pending += bytes;
        QStringList lines;
        qsizetype start = 0;
        while (true) {
            const qsizetype nl = m_pending.indexOf('\n', start);
            if (nl < 0)
                break;
            lines.append(decode(m_pending.mid(start, nl - start)));
            start = nl + 1;
        }
        m_pending.remove(0, start);
        if (flush && !m_pending.isEmpty()) {
            lines.append(decode(m_pending));
            m_pending.clear();
        }
        return lines;
    }

private:
    static QString decode(QByteArray line)
    {
        if (line.endsWith('\r'))
            line.chop(1);
        return QString::fromUtf8(line);
    }
    QByteArray m_pending;
};

} // namespace

AlembicRunResult AlembicRunner::run(const AlembicCommand &command, const AlembicAction &action,
                                    const AlembicRunOptions &options)
{
    m_cancel.store(false);
    AlembicRunResult result;
    result.program = command.program;
    result.arguments = command.argumentsFor(action);
    result.commandLine = command.displayString(action);
    result.workingDirectory = command.workingDirectory;

    if (const auto invalid = action.validate()) {
        result.status = AlembicRunResult::Status::Invalid;
        result.message = *invalid;
        return result;
    }

    const QStringList secrets = SecretMask::passwordsOf(options.databaseUrl);
    QProcessEnvironment env = options.environment.isEmpty()
        ? QProcessEnvironment::systemEnvironment()
        : options.environment;
    if (!options.databaseUrl.isEmpty())
        env.insert(u"DATABASE_URL"_s, options.databaseUrl);
    // Line-by-line progress needs Python not to hold its output back in a pipe buffer.
    env.insert(u"PYTHONUNBUFFERED"_s, u"1"_s);
    env.insert(u"PYTHONIOENCODING"_s, u"utf-8"_s);

    QProcess process;
    process.setProgram(command.program);
    process.setArguments(result.arguments);
    process.setWorkingDirectory(command.workingDirectory);
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.setStandardInputFile(QProcess::nullDevice()); // nothing may wait for a person

    QElapsedTimer clock;
    clock.start();
    process.start();
    if (!process.waitForStarted(30000)) {
        result.status = AlembicRunResult::Status::FailedToStart;
        result.message = u"could not start %1: %2"_s.arg(result.commandLine, process.errorString());
        result.elapsedMs = clock.elapsed();
        return result;
    }
    if (options.onStarted)
        options.onStarted(process);

    AlembicOutputParser parser(options.knownRevisions);
    LineBuffer outLines;
    LineBuffer errLines;
    auto handle = [&](const QString &raw, bool isErr) {
        const QString line = SecretMask::mask(raw, secrets);
        result.output.append(line);
        if (!isErr)
            result.standardOutput += line + u'\n';
        if (options.onLine)
            options.onLine(line, isErr);
        if (auto step = parser.feed(line)) {
            result.steps.append(*step);
            if (options.onStep)
                options.onStep(*step);
        }
    };
    auto drain = [&](bool flush) {
        for (const QString &l : outLines.take(process.readAllStandardOutput(), flush))
            handle(l, false);
        for (const QString &l : errLines.take(process.readAllStandardError(), flush))
            handle(l, true);
    };

    bool cancelled = false;
    bool timedOut = false;
    bool killed = false;
    QElapsedTimer sinceTerminate;
    // waitForFinished() keeps reading the pipes while it waits, so short waits give both
    // streaming output and a chance to notice cancel() and the timeout.
    while (process.state() != QProcess::NotRunning) {
        if (process.waitForFinished(50))
            break;
        drain(false);
        const bool stopWanted = m_cancel.load()
            || (options.timeout.count() > 0 && clock.elapsed() > options.timeout.count());
        if (stopWanted && !sinceTerminate.isValid()) {
            cancelled = m_cancel.load();
            timedOut = !cancelled;
            process.terminate();
            sinceTerminate.start();
        } else if (sinceTerminate.isValid() && !killed
                   && sinceTerminate.elapsed() > options.killGrace.count()) {
            process.kill();
            killed = true;
        }
    }
    drain(true);
    result.elapsedMs = clock.elapsed();

    result.crashed = process.exitStatus() == QProcess::CrashExit;
    result.exitCode = result.crashed ? -1 : process.exitCode();
    result.exceptionLine = parser.exceptionLine();
    result.errorLine = parser.errorLine();
    result.scriptPath = parser.scriptPath();
    result.scriptLine = parser.scriptLine();

    if (cancelled)
        result.status = AlembicRunResult::Status::Cancelled;
    else if (timedOut)
        result.status = AlembicRunResult::Status::TimedOut;
    else if (result.crashed)
        result.status = AlembicRunResult::Status::Crashed;
    else if (result.exitCode != 0)
        result.status = AlembicRunResult::Status::Failed;
    else
        result.status = AlembicRunResult::Status::Succeeded;

    if (timedOut)
        result.message = u"no result after %1 ms"_s.arg(options.timeout.count());
    // Alembic announces a step before running it, so the last one seen is the one in flight.
    if (!result.succeeded() && !result.steps.isEmpty())
        result.failedRevision = result.steps.last().revision();
    return result;
}

} // namespace retort
