#include "shadow/PythonReplayDriver.h"

#include "Logging.h"
#include "run/AlembicCandidates.h"
#include "run/SecretMask.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryFile>

using namespace Qt::StringLiterals;

namespace retort {

namespace {

constexpr qsizetype kStderrTail = 8192; // enough for a traceback's end and the last warnings
constexpr int kStopWaitMs = 3000;

// The interpreter that runs the project's command: the `#!` line of a console script, the
// program itself for `python3 -m ...`, else python3 on PATH.
QString pythonFor(const AlembicCommand &command, const QProcessEnvironment &env)
{
    if (command.prefixArguments.value(0) == u"-m"_s)
        return command.program;
    QFile script(command.program);
    if (script.open(QIODevice::ReadOnly)) {
        const QByteArray first = script.readLine(4096).trimmed();
        if (first.startsWith("#!")) {
            QStringList words = QString::fromUtf8(first.mid(2)).split(u' ', Qt::SkipEmptyParts);
            if (!words.isEmpty() && QFileInfo(words.first()).fileName() == u"env"_s) {
                words.removeFirst();
                const QStringList found = AlembicCandidates::findOnPath(words.value(0), env.value(u"PATH"_s));
                if (!found.isEmpty())
                    return found.first();
            } else if (!words.isEmpty()) {
                return words.first();
            }
        }
    }
    const QStringList onPath = AlembicCandidates::findOnPath(u"python3"_s, env.value(u"PATH"_s));
    return onPath.isEmpty() ? u"python3"_s : onPath.first();
}

// The driver's arguments for the command's style: the migrations directory (and a `--app` given
// to flask), or the ini, section and -x values of an `alembic` command line.
QStringList driverArguments(const AlembicCommand &command)
{
    const QStringList &p = command.prefixArguments;
    QStringList args;
    if (command.style == AlembicCommand::Style::FlaskMigrate) {
        args << u"--flask"_s;
        if (!command.migrationsDirectory.isEmpty())
            args << u"--directory"_s << command.migrationsDirectory;
        for (qsizetype i = 0; i < p.size(); ++i) {
            if ((p[i] == u"--app"_s || p[i] == u"-A"_s) && i + 1 < p.size())
                args << u"--app"_s << p[i + 1];
            else if (p[i].startsWith(u"--app="_s))
                args << u"--app"_s << p[i].mid(6);
        }
        return args;
    }
    args << u"--alembic"_s;
    if (p.value(0) == u"-m"_s)
        args << u"--cwd-path"_s;
    for (qsizetype i = 0; i + 1 < p.size(); ++i) {
        if (p[i] == u"-c"_s || p[i] == u"--config"_s)
            args << u"--ini"_s << p[i + 1];
        else if (p[i] == u"-n"_s || p[i] == u"--name"_s)
            args << u"--name"_s << p[i + 1];
        else if (p[i] == u"-x"_s)
            args << u"--x"_s << p[i + 1];
    }
    return args;
}

} // namespace

struct PythonReplayDriver::Private
{
    Options options;
    QProcess process;
    QTemporaryFile script;
    QString python;
    QByteArray stderrTail;
    QStringList secrets; // passwords of every URL seen, masked in whatever is returned
    QString dead; // why the process can no longer serve requests; empty while it can
    int nextId = 1;

    void drainStderr()
    {
        stderrTail += process.readAllStandardError();
        if (stderrTail.size() > kStderrTail)
            stderrTail = stderrTail.right(kStderrTail);
    }
    QString mask(const QString &text) const { return SecretMask::mask(text, secrets); }
    QString tail(int lines) const
    {
        QStringList all = QString::fromUtf8(stderrTail).trimmed().split(u'\n');
        return mask(all.mid(qMax(0, int(all.size()) - lines)).join(u'\n'));
    }
    void kill()
    {
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished(kStopWaitMs);
        }
    }

    // The next protocol line, or a Failure when the process ends or the time runs out (the
    // process is then killed: a step left running could still write to the database).
    Fallible<QJsonObject> readAnswer(int timeoutMs, const QString &what)
    {
        const QDeadlineTimer deadline(timeoutMs);
        while (true) {
            while (process.canReadLine()) {
                const QByteArray line = process.readLine().trimmed();
                QJsonParseError error;
                const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
                if (error.error == QJsonParseError::NoError && doc.isObject())
                    return doc.object();
                qCWarning(lcShadow) << "the Python driver wrote a line that is not JSON:"
                                    << mask(QString::fromUtf8(line));
            }
            drainStderr();
            if (process.state() == QProcess::NotRunning) {
                dead = u"the Python driver (%1) ended with exit code %2 during %3"_s.arg(python)
                           .arg(process.exitCode())
                           .arg(what);
                return Failure{dead + u": "_s + tail(12)};
            }
            if (deadline.hasExpired()) {
                kill();
                dead = u"the Python driver gave no answer within %1 s during %2 and was stopped"_s.arg(timeoutMs / 1000)
                           .arg(what);
                return Failure{dead + u"; its last output: "_s + tail(8)};
            }
            process.waitForReadyRead(int(qMin<qint64>(deadline.remainingTime(), 100)));
        }
    }

    Fallible<void> call(const QString &verb, const QString &revision, const QString &url);
};

PythonReplayDriver::PythonReplayDriver()
    : d(std::make_unique<Private>())
{
}

PythonReplayDriver::~PythonReplayDriver()
{
    stop();
}

Fallible<std::unique_ptr<PythonReplayDriver>> PythonReplayDriver::start(const Options &options)
{
    std::unique_ptr<PythonReplayDriver> driver(new PythonReplayDriver);
    Private &d = *driver->d;
    d.options = options;
    if (d.options.environment.isEmpty())
        d.options.environment = QProcessEnvironment::systemEnvironment();

    QFile resource(u":/retort/shadow/replay_driver.py"_s);
    d.script.setFileTemplate(QDir::tempPath() + u"/retort-replay-XXXXXX.py"_s);
    // QTemporaryFile creates the file readable and writable by its owner only.
    if (!resource.open(QIODevice::ReadOnly) || !d.script.open() || d.script.write(resource.readAll()) < 0
        || !d.script.flush())
        return Failure{u"cannot write the Python replay driver to a temporary file: "_s + d.script.errorString()};

    QProcessEnvironment env = d.options.environment;
    env.remove(u"DATABASE_URL"_s); // set per request by the driver, never the person's database
    env.insert(u"PYTHONUNBUFFERED"_s, u"1"_s);
    env.insert(u"PYTHONIOENCODING"_s, u"utf-8"_s);
    d.python = pythonFor(options.command, env);
    d.process.setProgram(d.python);
    d.process.setArguments(QStringList{d.script.fileName()} + driverArguments(options.command));
    d.process.setWorkingDirectory(options.command.workingDirectory);
    d.process.setProcessEnvironment(env);
    d.process.setProcessChannelMode(QProcess::SeparateChannels);

    qCDebug(lcShadow) << "starting" << d.python << d.process.arguments() << "in" << options.command.workingDirectory;
    d.process.start();
    if (!d.process.waitForStarted(options.startTimeoutMs))
        return Failure{u"cannot start the project's Python %1 for %2: %3"_s.arg(
            d.python, options.command.displayString(), d.process.errorString())};
    const auto ready = d.readAnswer(options.startTimeoutMs, u"start"_s);
    if (!ready.ok())
        return Failure{u"the project's Alembic could not be loaded by %1: %2"_s.arg(d.python, ready.error().message)};
    if (ready->contains(u"startFailure"_s)) {
        const QJsonObject e = ready->value(u"startFailure"_s).toObject();
        d.kill();
        return Failure{d.mask(u"the project's Alembic could not be loaded by %1 (%2 in %3): %4: %5"_s.arg(
            d.python, options.command.displayString(), options.command.workingDirectory, e.value(u"type"_s).toString(),
            e.value(u"message"_s).toString()))};
    }
    qCDebug(lcShadow) << "driver ready, alembic" << ready->value(u"alembic"_s).toString();
    return driver;
}

Fallible<void> PythonReplayDriver::Private::call(const QString &verb, const QString &revision, const QString &url)
{
    const QString what = u"%1 %2"_s.arg(verb, revision.isEmpty() ? u"base"_s : revision);
    secrets += SecretMask::passwordsOf(url);
    secrets.removeDuplicates();
    if (!dead.isEmpty())
        return Failure{u"%1 failed: %2"_s.arg(what, dead)};
    const int id = nextId++;
    const QJsonObject request{{u"id"_s, id}, {u"do"_s, verb}, {u"revision"_s, revision}, {u"url"_s, url}};
    process.write(QJsonDocument(request).toJson(QJsonDocument::Compact) + '\n');
    stderrTail.clear();
    const auto answer = readAnswer(options.stepTimeoutMs, what);
    if (!answer.ok())
        return Failure{u"%1 failed: %2"_s.arg(what, answer.error().message)};
    if (answer->value(u"id"_s).toInt() != id) {
        kill();
        dead = u"the Python driver answered out of turn"_s;
        return Failure{u"%1 failed: %2"_s.arg(what, dead)};
    }
    if (answer->value(u"ok"_s).toBool())
        return {};
    const QJsonObject e = answer->value(u"error"_s).toObject();
    QString where;
    if (e.contains(u"file"_s))
        where = u" at %1:%2"_s.arg(e.value(u"file"_s).toString()).arg(e.value(u"line"_s).toInt());
    return Failure{mask(
        u"%1 failed%2: %3: %4"_s.arg(what, where, e.value(u"type"_s).toString(), e.value(u"message"_s).toString()))};
}

Fallible<void> PythonReplayDriver::upgrade(const QString &revision, const QString &sqlalchemyUrl)
{
    return d->call(u"upgrade"_s, revision, sqlalchemyUrl);
}

Fallible<void> PythonReplayDriver::downgrade(const QString &revision, const QString &sqlalchemyUrl)
{
    return d->call(u"downgrade"_s, revision, sqlalchemyUrl);
}

Fallible<void> PythonReplayDriver::stamp(const QString &revision, const QString &sqlalchemyUrl)
{
    return d->call(u"stamp"_s, revision, sqlalchemyUrl);
}

void PythonReplayDriver::stop()
{
    if (!d || d->process.state() == QProcess::NotRunning)
        return;
    d->process.write(R"({"do":"stop"})"
                     "\n");
    d->process.closeWriteChannel();
    if (!d->process.waitForFinished(kStopWaitMs))
        d->kill();
    d->dead = u"the Python driver was stopped"_s;
}

} // namespace retort
