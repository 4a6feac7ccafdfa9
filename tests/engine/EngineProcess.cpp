#include "EngineProcess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace EngineProcess {

QString retortExecutable()
{
    return QStringLiteral(RETORT_EXECUTABLE);
}

QProcessEnvironment cleanEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString &key : environment.keys()) {
        if (key == u"DATABASE_URL"_s || key.startsWith(u"PG"_s))
            environment.remove(key);
    }
    environment.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
    return environment;
}

namespace {

ProcessResult run(const QString &program, const QStringList &arguments, const QProcessEnvironment &environment,
                  int timeoutMs)
{
    ProcessResult result;
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    if (!process.waitForStarted(30000)) {
        result.err = program + u": "_s + process.errorString();
        return result;
    }
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        result.err = program + u" did not finish in time\n"_s + QString::fromUtf8(process.readAllStandardError());
        return result;
    }
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    result.finished = process.exitStatus() == QProcess::NormalExit;
    result.exitCode = process.exitCode();
    return result;
}

} // namespace

ProcessResult runRetort(const QStringList &arguments, const QProcessEnvironment &environment, int timeoutMs)
{
    return run(retortExecutable(), arguments, environment, timeoutMs);
}

ProcessResult runAlembic(const QString &projectDir, const QString &databaseUrl, const QStringList &arguments)
{
    QProcessEnvironment environment = cleanEnvironment();
    environment.insert(u"DATABASE_URL"_s, databaseUrl);
    environment.insert(u"PYTHONDONTWRITEBYTECODE"_s, u"1"_s);
    // Alembic iterates sets of revision ids in places (stamps); a fixed hash seed makes its
    // answer reproducible from run to run.
    environment.insert(u"PYTHONHASHSEED"_s, u"0"_s);
    // Debian's alembic script runs under /usr/bin/python3, which has SQLAlchemy and psycopg2.
    return run(u"/usr/bin/python3"_s,
               QStringList{u"/usr/bin/alembic"_s, u"-c"_s, projectDir + u"/alembic.ini"_s} + arguments, environment,
               120000);
}

QList<RanStep> alembicSteps(const QString &log)
{
    static const QRegularExpression line(u"^Running (upgrade|downgrade) (.*) -> (.*)$"_s,
                                         QRegularExpression::MultilineOption);
    QList<RanStep> steps;
    auto matches = line.globalMatch(log);
    while (matches.hasNext()) {
        const auto match = matches.next();
        const QString direction = match.captured(1);
        // upgrade: "downs -> rev"; downgrade: "rev -> downs".
        const QString revision = (direction == u"upgrade"_s ? match.captured(3) : match.captured(2)).trimmed();
        steps.append({direction, revision});
    }
    return steps;
}

QJsonObject parseJson(const QString &text, QString *failure)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (!document.isObject()) {
        *failure = u"not a JSON object (%1): %2"_s.arg(error.errorString(), text.left(400));
        return {};
    }
    return document.object();
}

QList<RanStep> retortSteps(const QString &json, QString *failure)
{
    QList<RanStep> steps;
    const QJsonObject object = parseJson(json, failure);
    for (const QJsonValue &value : object.value(u"steps"_s).toArray()) {
        const QJsonObject step = value.toObject();
        if (step.value(u"stamp"_s).toBool())
            continue;
        steps.append({step.value(u"direction"_s).toString(), step.value(u"revision"_s).toString()});
    }
    return steps;
}

QString describe(const QList<RanStep> &steps)
{
    QStringList parts;
    for (const RanStep &step : steps)
        parts.append(step.direction + u' ' + step.revision);
    return u"["_s + parts.join(u", "_s) + u"]"_s;
}

} // namespace EngineProcess
