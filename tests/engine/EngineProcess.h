#pragma once

#include <QJsonObject>
#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

// Runs the built `retort` executable and Debian's /usr/bin/alembic, and reads what they did.
struct ProcessResult
{
    int exitCode = -1;
    bool finished = false; // false: did not start, crashed or timed out
    QString out;
    QString err;
    QString all() const { return out + err; }
};

// A migration step as both tools report it: direction and the revision whose script ran.
struct RanStep
{
    QString direction; // "upgrade" or "downgrade"
    QString revision;
    bool operator==(const RanStep &) const = default;
};

namespace EngineProcess {

QString retortExecutable();
// An environment without DATABASE_URL or PG* variables that could point elsewhere.
QProcessEnvironment cleanEnvironment();

ProcessResult runRetort(const QStringList &arguments, const QProcessEnvironment &environment = cleanEnvironment(),
                        int timeoutMs = 120000);
// /usr/bin/alembic -c <projectDir>/alembic.ini <arguments> with DATABASE_URL set.
ProcessResult runAlembic(const QString &projectDir, const QString &databaseUrl, const QStringList &arguments);

// "Running upgrade a -> b" lines of Alembic's log, in order (stamps left out).
QList<RanStep> alembicSteps(const QString &log);
// The non-stamp steps of retort's --json plan output; *failure set when it is not JSON.
QList<RanStep> retortSteps(const QString &json, QString *failure);
QJsonObject parseJson(const QString &text, QString *failure);
QString describe(const QList<RanStep> &steps);

} // namespace EngineProcess
