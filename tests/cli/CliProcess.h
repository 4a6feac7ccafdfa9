#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

// Runs the built retort executable and captures what a user would see.
struct CliResult
{
    int exitCode = -1;
    bool crashed = false;
    QString out;
    QString err;
};

// Runs `program` (retort, or a wrapper that starts it) and waits up to a minute; a start failure
// or a timeout counts as a crash and says so in err.
CliResult runProgram(const QString &program, const QStringList &arguments, const QProcessEnvironment &environment,
                     const QString &workingDirectory = QString());

CliResult runRetort(const QStringList &arguments,
                    const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment(),
                    const QString &workingDirectory = QString());
