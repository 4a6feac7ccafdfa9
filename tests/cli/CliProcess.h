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

CliResult runRetort(const QStringList &arguments,
                    const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment(),
                    const QString &workingDirectory = QString());
