#include "AlembicCommand.h"

#include "SecretMask.h"
#include "ShellWords.h"

using namespace Qt::StringLiterals;

namespace retort {

QStringList AlembicCommand::argumentsFor(const AlembicAction &action) const
{
    QStringList args = prefixArguments;
    args += action.verbWords(style == Style::FlaskMigrate);
    args += action.options();
    // Flask-Migrate takes the directory per verb (`flask db upgrade -d DIR`).
    if (style == Style::FlaskMigrate && !migrationsDirectory.isEmpty())
        args += {u"-d"_s, migrationsDirectory};
    const QStringList targets = action.positionals();
    for (const QString &t : targets) {
        if (t.startsWith(u'-')) {
            args += u"--"_s; // "-1" is a relative target, not an option
            break;
        }
    }
    args += targets;
    return args;
}

QString AlembicCommand::displayString() const
{
    return SecretMask::maskUrls(ShellWords::join(QStringList{program} + prefixArguments));
}

QString AlembicCommand::displayString(const AlembicAction &action) const
{
    return SecretMask::maskUrls(ShellWords::join(QStringList{program} + argumentsFor(action)));
}

QString AlembicCommand::configLine() const
{
    return u"alembic_command = "_s + SecretMask::maskUrls(ShellWords::join(QStringList{program} + prefixArguments));
}

QString AlembicCommand::originName(Origin origin)
{
    switch (origin) {
    case Origin::Configured:
        return u"configured alembic_command"_s;
    case Origin::Flask:
        return u"flask db"_s;
    case Origin::AlembicScript:
        return u"alembic"_s;
    case Origin::PythonModule:
        return u"python -m alembic"_s;
    }
    return {};
}

} // namespace retort
