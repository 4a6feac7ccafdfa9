#include "SqlScript.h"

namespace retort {

QList<SqlSection> SqlScript::sectionsFor(SqlDirection direction, const QString &dialect) const
{
    QList<SqlSection> out;
    for (const SqlSection &s : sections) {
        if (s.direction == direction && (s.dialect.isEmpty() || s.dialect.compare(dialect, Qt::CaseInsensitive) == 0))
            out.append(s);
    }
    return out;
}

QString SqlScript::sqlFor(SqlDirection direction, const QString &dialect) const
{
    QString out;
    for (const SqlSection &s : sectionsFor(direction, dialect)) {
        if (s.text.isEmpty())
            continue;
        if (!out.isEmpty())
            out += QLatin1Char('\n');
        out += s.text;
    }
    return out;
}

} // namespace retort
