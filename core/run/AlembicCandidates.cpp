#include "AlembicCandidates.h"

#include "ShellWords.h"
#include "script/ProjectConfig.h"

#include <QDir>
#include <QFileInfo>
#include <QSet>

using namespace Qt::StringLiterals;

namespace retort {

QString AlembicProjectFacts::projectRoot() const
{
    if (flaskMigrateLayout || iniPath.isEmpty())
        return QFileInfo(scriptLocation).absolutePath(); // parent of migrations/
    return QFileInfo(iniPath).absolutePath();
}

bool AlembicCandidates::looksLikeFlask(const QStringList &words)
{
    if (words.isEmpty() || words.last() != u"db"_s)
        return false;
    for (const QString &w : words) {
        if (QFileInfo(w).fileName().startsWith(u"flask"_s))
            return true;
    }
    return false;
}

AlembicCandidateList AlembicCandidates::build(const AlembicProjectFacts &facts)
{
    AlembicCandidateList out;
    const QString root = facts.projectRoot();

    if (!facts.configuredCommand.trimmed().isEmpty()) {
        const auto words = ShellWords::split(facts.configuredCommand);
        if (!words || words->isEmpty()) {
            Problem p;
            p.kind = u"BadAlembicCommand"_s;
            p.path = facts.configSource;
            p.message = u"alembic_command in the [retort] section cannot be used: "_s
                + (words ? u"it is empty"_s : words.error().message)
                + u". Write it as a command line, e.g. alembic_command = flask db"_s;
            out.problems.append(p);
            return out;
        }
        AlembicCommand c;
        c.origin = AlembicCommand::Origin::Configured;
        c.style = looksLikeFlask(*words) ? AlembicCommand::Style::FlaskMigrate : AlembicCommand::Style::Alembic;
        c.program = words->first();
        c.prefixArguments = words->mid(1);
        c.workingDirectory = root;
        if (c.style == AlembicCommand::Style::FlaskMigrate)
            c.migrationsDirectory = facts.scriptLocation;
        c.reason = u"alembic_command is set in the [retort] section"_s;
        out.commands.append(c);
        return out;
    }

    if (!facts.flaskAppHint.isEmpty()) {
        auto flask = [&](const QString &program, const QStringList &prefix) {
            AlembicCommand c;
            c.origin = AlembicCommand::Origin::Flask;
            c.style = AlembicCommand::Style::FlaskMigrate;
            c.program = program;
            c.prefixArguments = prefix;
            c.workingDirectory = QFileInfo(facts.scriptLocation).absolutePath();
            c.migrationsDirectory = facts.scriptLocation;
            c.reason = u"a Flask app is indicated ("_s + facts.flaskAppHint + u')';
            out.commands.append(c);
        };
        for (const QString &p : facts.flaskPrograms)
            flask(p, {u"db"_s});
        for (const QString &p : facts.pythonPrograms)
            flask(p, {u"-m"_s, u"flask"_s, u"db"_s});
    }

    if (facts.iniPath.isEmpty()) {
        Problem p;
        p.severity = Problem::Severity::Warning;
        p.kind = u"NoAlembicIni"_s;
        p.path = facts.scriptLocation;
        p.message = u"the project has no alembic.ini, so `alembic -c <ini>` cannot be tried"_s;
        out.problems.append(p);
        return out;
    }
    auto alembic = [&](AlembicCommand::Origin origin, const QString &program, const QStringList &prefix,
                       const QString &reason) {
        AlembicCommand c;
        c.origin = origin;
        c.style = AlembicCommand::Style::Alembic;
        c.program = program;
        c.prefixArguments = prefix + QStringList{u"-c"_s, facts.iniPath};
        c.workingDirectory = root;
        c.reason = reason;
        out.commands.append(c);
    };
    for (const QString &p : facts.alembicPrograms)
        alembic(AlembicCommand::Origin::AlembicScript, p, {}, u"alembic is on PATH"_s);
    for (const QString &p : facts.pythonPrograms)
        alembic(AlembicCommand::Origin::PythonModule, p, {u"-m"_s, u"alembic"_s},
                u"a Python interpreter that may have alembic installed"_s);
    return out;
}

QStringList AlembicCandidates::findOnPath(const QString &name, const QString &path)
{
    QStringList found;
    QSet<QString> seen;
    const QStringList dirs = path.split(QDir::listSeparator(), Qt::SkipEmptyParts);
    for (const QString &dir : dirs) {
        const QFileInfo fi(QDir(dir).filePath(name));
        if (!fi.isFile() || !fi.isExecutable())
            continue;
        const QString canonical = fi.canonicalFilePath();
        if (seen.contains(canonical))
            continue;
        seen.insert(canonical);
        found.append(fi.absoluteFilePath());
    }
    return found;
}

AlembicProjectFacts AlembicCandidates::gather(const ProjectConfig &config, const QProcessEnvironment &env,
                                              const QStringList &extraPythons)
{
    AlembicProjectFacts facts;
    facts.configuredCommand = config.retort.value(u"alembic_command"_s);
    facts.configSource = config.iniPath;
    facts.iniPath = config.iniPath;
    facts.scriptLocation = QDir::cleanPath(config.scriptLocation);
    facts.flaskMigrateLayout =
        !config.iniPath.isEmpty() && QDir::cleanPath(QFileInfo(config.iniPath).absolutePath()) == facts.scriptLocation;

    const QString flaskApp = env.value(u"FLASK_APP"_s);
    const QDir root(QFileInfo(facts.scriptLocation).absolutePath());
    if (!flaskApp.isEmpty()) {
        facts.flaskAppHint = u"FLASK_APP="_s + flaskApp + u" is set"_s;
    } else {
        for (const QString &f : {u"app.py"_s, u"wsgi.py"_s, u"app/__init__.py"_s}) {
            if (QFileInfo::exists(root.filePath(f))) {
                facts.flaskAppHint = f + u" is next to the migrations directory"_s;
                break;
            }
        }
    }

    const QString path = env.value(u"PATH"_s);
    facts.flaskPrograms = findOnPath(u"flask"_s, path);
    facts.alembicPrograms = findOnPath(u"alembic"_s, path);
    facts.pythonPrograms = findOnPath(u"python3"_s, path);
    QSet<QString> seen;
    for (const QString &p : std::as_const(facts.pythonPrograms))
        seen.insert(QFileInfo(p).canonicalFilePath());
    for (const QString &p : extraPythons) {
        const QFileInfo fi(p);
        if (fi.isFile() && fi.isExecutable() && !seen.contains(fi.canonicalFilePath())) {
            seen.insert(fi.canonicalFilePath());
            facts.pythonPrograms.append(fi.absoluteFilePath());
        }
    }
    return facts;
}

} // namespace retort
