#include "Problem.h"

namespace retort {

QString Problem::toString() const
{
    QString where = path;
    if (!where.isEmpty() && line > 0)
        where += QLatin1Char(':') + QString::number(line);
    return where.isEmpty() ? message : where + QLatin1String(": ") + message;
}

} // namespace retort
