#include "AlembicDetection.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace retort {

QString AlembicDetection::explanation() const
{
    QStringList lines;
    if (command)
        lines << u"using %1 (%2)"_s.arg(command->displayString(), command->reason);
    else
        lines << u"no command that runs Alembic on this project was found"_s;
    for (const AlembicAttempt &a : attempts) {
        if (!a.works)
            lines << u"  rejected %1: %2"_s.arg(a.command.displayString(), a.failure);
    }
    for (const Problem &p : problems)
        lines << u"  "_s + p.toString();
    return lines.join(u'\n');
}

QString AlembicDetection::advice() const
{
    const QString where = configPath.isEmpty() ? u"alembic.ini"_s : configPath;
    const QString example = flaskIndicated ? u"alembic_command = /path/to/venv/bin/flask db"_s
                                           : u"alembic_command = /path/to/venv/bin/python -m alembic -c "_s
            + (configPath.isEmpty() ? u"alembic.ini"_s : QFileInfo(configPath).fileName());
    return u"Install alembic%1 for the Python your project uses, or set alembic_command in the "
           "[retort] section of %2, e.g.\n  [retort]\n  %3"_s.arg(flaskIndicated ? u" and Flask-Migrate"_s : QString(),
                                                                  where, example);
}

Problem AlembicDetection::toProblem() const
{
    Problem p;
    p.kind = found() ? u"AlembicCommandFound"_s : u"NoAlembicCommand"_s;
    p.severity = found() ? Problem::Severity::Warning : Problem::Severity::Error;
    p.path = configPath;
    p.message = explanation() + (found() ? QString() : u"\n"_s + advice());
    return p;
}

} // namespace retort
