#include "Problem.h"

namespace retort {

Problem Problem::make(Severity severity, const QString &kind, const QString &path, int line, const QString &message)
{
    Problem p;
    p.severity = severity;
    p.kind = kind;
    p.path = path;
    p.line = line;
    p.message = message;
    return p;
}

QString Problem::toString() const
{
    QString where = path;
    if (!where.isEmpty() && line > 0)
        where += QLatin1Char(':') + QString::number(line);
    return where.isEmpty() ? message : where + QLatin1String(": ") + message;
}

} // namespace retort
