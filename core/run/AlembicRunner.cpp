#include "AlembicRunner.h"

#include "AlembicOutputParser.h"
#include "ChildLifetime.h"
#include "Logging.h"
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

namespace {

// The child's environment: the URL only as DATABASE_URL (never on its command line), and Python
// told not to hold its output back in a pipe buffer, so progress arrives line by line.
QProcessEnvironment childEnvironment(const AlembicRunOptions &options)
{
    QProcessEnvironment env =
        options.environment.isEmpty() ? QProcessEnvironment::systemEnvironment() : options.environment;
    if (!options.databaseUrl.isEmpty())
        env.insert(u"DATABASE_URL"_s, options.databaseUrl);
    env.insert(u"PYTHONUNBUFFERED"_s, u"1"_s);
    env.insert(u"PYTHONIOENCODING"_s, u"utf-8"_s);
    return env;
}

// What the process's end means, once it has ended and the parser has read all of its output.
void classify(AlembicRunResult &result, const QProcess &process, const AlembicOutputParser &parser,
              const AlembicRunner::Stop stop, std::chrono::milliseconds timeout)
{
    result.crashed = process.exitStatus() == QProcess::CrashExit;
    result.exitCode = result.crashed ? -1 : process.exitCode();
    result.exceptionLine = parser.exceptionLine();
    result.errorLine = parser.errorLine();
    result.scriptPath = parser.scriptPath();
    result.scriptLine = parser.scriptLine();

    if (stop == AlembicRunner::Stop::Cancelled)
        result.status = AlembicRunResult::Status::Cancelled;
    else if (stop == AlembicRunner::Stop::TimedOut)
        result.status = AlembicRunResult::Status::TimedOut;
    else if (result.crashed)
        result.status = AlembicRunResult::Status::Crashed;
    else if (result.exitCode != 0)
        result.status = AlembicRunResult::Status::Failed;
    else
        result.status = AlembicRunResult::Status::Succeeded;

    if (stop == AlembicRunner::Stop::TimedOut)
        result.message = u"no result after %1 ms"_s.arg(timeout.count());
    // Alembic announces a step before running it, so the last one seen is the one in flight.
    if (!result.succeeded() && !result.steps.isEmpty())
        result.failedRevision = result.steps.last().revision();
}

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

    if (const auto invalid = action.validate(); !invalid.ok()) {
        result.status = AlembicRunResult::Status::Invalid;
        result.message = invalid.error().message;
        return result;
    }

    QProcess process;
    process.setProgram(command.program);
    process.setArguments(result.arguments);
    process.setWorkingDirectory(command.workingDirectory);
    process.setProcessEnvironment(childEnvironment(options));
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.setStandardInputFile(QProcess::nullDevice()); // nothing may wait for a person
    endWithParent(process); // killed with Retort, it must not go on migrating unwatched

    qCDebug(lcRun) << "starting" << result.commandLine << "in" << command.workingDirectory;
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

    const QStringList secrets = SecretMask::passwordsOf(options.databaseUrl);
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
    const auto drain = [&](bool flush) {
        for (const QString &l : outLines.take(process.readAllStandardOutput(), flush))
            handle(l, false);
        for (const QString &l : errLines.take(process.readAllStandardError(), flush))
            handle(l, true);
    };

    const Stop stop = superviseUntilFinished(process, options, clock, drain);
    drain(true);
    result.elapsedMs = clock.elapsed();
    classify(result, process, parser, stop, options.timeout);
    qCDebug(lcRun) << result.commandLine << "ended with exit code" << result.exitCode << "status" << int(result.status)
                   << "after" << result.elapsedMs << "ms," << result.steps.size() << "steps seen";
    return result;
}

AlembicRunner::Stop AlembicRunner::superviseUntilFinished(QProcess &process, const AlembicRunOptions &options,
                                                          const QElapsedTimer &clock,
                                                          const std::function<void(bool)> &drain)
{
    Stop stop = Stop::Finished;
    bool killed = false;
    QElapsedTimer sinceTerminate;
    // waitForFinished() keeps reading the pipes while it waits, so short waits give both
    // streaming output and a chance to notice cancel() and the timeout.
    while (process.state() != QProcess::NotRunning) {
        if (process.waitForFinished(50))
            break;
        drain(false);
        const bool stopWanted =
            m_cancel.load() || (options.timeout.count() > 0 && clock.elapsed() > options.timeout.count());
        if (stopWanted && !sinceTerminate.isValid()) {
            stop = m_cancel.load() ? Stop::Cancelled : Stop::TimedOut;
            qCDebug(lcRun) << "stopping the Alembic command:" << (stop == Stop::Cancelled ? "cancelled" : "timed out");
            process.terminate();
            sinceTerminate.start();
        } else if (sinceTerminate.isValid() && !killed && sinceTerminate.elapsed() > options.killGrace.count()) {
            process.kill();
            killed = true;
        }
    }
    return stop;
}

} // namespace retort
