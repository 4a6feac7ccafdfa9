#include "CliProcess.h"

#include <QProcess>

CliResult runProgram(const QString &program, const QStringList &arguments, const QProcessEnvironment &environment,
                     const QString &workingDirectory)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    if (!workingDirectory.isEmpty())
        process.setWorkingDirectory(workingDirectory);
    process.start(program, arguments);
    CliResult result;
    if (!process.waitForStarted(10000)) {
        result.crashed = true;
        result.err = QStringLiteral("cannot start %1: %2").arg(program, process.errorString());
        return result;
    }
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        result.crashed = true;
        result.err = QStringLiteral("still running after 60 s: killed");
        return result;
    }
    result.crashed = process.exitStatus() != QProcess::NormalExit;
    result.exitCode = process.exitCode();
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

CliResult runRetort(const QStringList &arguments, const QProcessEnvironment &environment,
                    const QString &workingDirectory)
{
    return runProgram(QStringLiteral(RETORT_EXECUTABLE), arguments, environment, workingDirectory);
}
