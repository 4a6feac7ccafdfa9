#include "ProjectConfig.h"

#include "IniFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace retort {

namespace {

const QString MainSection = u"alembic"_s;
const QString RetortSection = u"retort"_s;

// Reads an interpolated [alembic] value; an interpolation error becomes a problem.
std::optional<QString> mainOption(const IniFile &ini, const QString &key, Problems &problems)
{
    const IniValue v = ini.value(MainSection, key);
    if (!v.present)
        return std::nullopt;
    if (v.error) {
        problems.append(*v.error);
        return std::nullopt;
    }
    return v.text;
}

QString resolve(const QString &baseDir, const QString &path)
{
    return QDir::cleanPath(QDir(baseDir).absoluteFilePath(path));
}

// Alembic resolves relative paths against the directory it runs in: `alembic` is run beside its
// ini, `flask db` from the application, the parent of the migrations directory. A path that is
// only beside the ini is taken from there.
QString resolveLikeAlembic(const QString &runDir, const QString &iniDir, const QString &path)
{
    const QString alembic = resolve(runDir, path);
    if (runDir == iniDir || QFileInfo::exists(alembic))
        return alembic;
    const QString beside = resolve(iniDir, path);
    return QFileInfo::exists(beside) ? beside : alembic;
}

// Flask-Migrate's env.py imports Flask; Flask-Migrate then passes its directory as the script
// location, whatever alembic.ini says.
bool isFlaskMigrateEnv(const QString &directory)
{
    QFile env(directory + u"/env.py"_s);
    if (!env.open(QIODevice::ReadOnly))
        return false;
    static const QRegularExpression flaskImport(u"^\\s*(from\\s+flask(\\.\\w+)*\\s+import|import\\s+flask)\\b"_s,
                                                QRegularExpression::MultilineOption);
    return flaskImport.match(QString::fromUtf8(env.read(1 << 20))).hasMatch();
}

// Alembic treats a relative "package:path" as a package resource, which needs Python to find.
bool isPackageResource(const QString &location)
{
    return !QDir::isAbsolutePath(location) && location.contains(QLatin1Char(':'));
}

// Alembic 1.8 splitting of version_locations (script/base.py, ScriptDirectory.from_config).
// Returns false for an unknown separator name.
bool splitVersionLocations(const QString &value, const std::optional<QString> &separator, QStringList &out)
{
    if (!separator) {
        // Legacy: split on a comma followed by spaces, or on runs of spaces.
        static const QRegularExpression legacy(u", *| +"_s);
        out = value.split(legacy, Qt::SkipEmptyParts);
        return true;
    }
    QString sep;
    if (*separator == u"space"_s)
        sep = u" "_s;
    else if (*separator == u"os"_s)
        sep = QString(QDir::listSeparator());
    else if (*separator == u":"_s || *separator == u";"_s)
        sep = *separator;
    else
        return false;
    out = value.split(sep, Qt::SkipEmptyParts);
    return true;
}

std::optional<bool> parseBool(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == u"true"_s || t == u"yes"_s || t == u"on"_s || t == u"1"_s)
        return true;
    if (t == u"false"_s || t == u"no"_s || t == u"off"_s || t == u"0"_s)
        return false;
    return std::nullopt;
}

void checkVersionLocations(ProjectConfig &config, int line)
{
    for (const QString &location : std::as_const(config.versionLocations)) {
        if (QFileInfo(location).isDir())
            continue;
        if (config.versionLocationsConfigured) {
            // Alembic silently skips configured locations that do not exist; say so.
            config.problems.append(Problem::make(Problem::Severity::Warning, u"VersionLocationMissing"_s,
                                                 config.iniPath, line,
                                                 u"version location %1 does not exist and is skipped; create it or fix "
                                                 "version_locations"_s.arg(location)));
        } else {
            config.problems.append(
                Problem::make(Problem::Severity::Error, u"VersionLocationMissing"_s, config.iniPath, 0,
                              u"the versions folder %1 does not exist; create it (revision files go there) or "
                              "set version_locations"_s.arg(location)));
        }
    }
}

// Flask-Migrate passes its directory as the script location whatever alembic.ini says: a project
// whose env.py is Flask-Migrate's gets that silently. Otherwise, when the configured location does
// not exist but the ini's own directory is a migrations directory, use it and say so.
void adoptFlaskLayout(ProjectConfig &config)
{
    const QString dir = config.directory;
    if (config.scriptLocation == dir || config.iniPath.isEmpty())
        return;
    const bool flask = isFlaskMigrateEnv(dir);
    const bool missing = std::any_of(config.problems.cbegin(), config.problems.cend(),
                                     [](const Problem &p) { return p.kind == u"ScriptLocationMissing"_s; });
    if (!flask && (!missing || config.versionLocationsConfigured || !QFileInfo(dir + u"/versions"_s).isDir()))
        return;
    const QString configured = config.scriptLocation;
    Problems kept;
    for (const Problem &p : std::as_const(config.problems)) {
        const bool aboutLocation = p.kind == u"ScriptLocationMissing"_s
            || (flask && p.kind == u"UnsupportedScriptLocation"_s)
            || (p.kind == u"VersionLocationMissing"_s && !config.versionLocationsConfigured);
        if (!aboutLocation)
            kept.append(p);
    }
    config.problems = kept;
    config.scriptLocation = dir;
    if (!config.versionLocationsConfigured) {
        config.versionLocations = {dir + u"/versions"_s};
        checkVersionLocations(config, 0);
    }
    if (flask)
        return;
    config.problems.append(Problem::make(
        Problem::Severity::Warning, u"ScriptLocationIgnored"_s, config.iniPath, 0,
        u"script_location %1 %2; using %3, as Flask-Migrate does. Remove "
        "script_location from alembic.ini or fix it"_s.arg(
            configured, QFileInfo::exists(configured) ? u"is not a directory"_s : u"does not exist"_s, dir)));
}

} // namespace

bool ProjectConfig::isValid() const
{
    for (const Problem &p : problems) {
        if (p.severity == Problem::Severity::Error)
            return false;
    }
    return true;
}

ProjectConfig ProjectConfig::fromDirectory(const QString &directory)
{
    const QString dir = QDir::cleanPath(QDir(directory).absolutePath());
    const QString ini = dir + u"/alembic.ini"_s;
    if (QFileInfo(ini).isFile()) {
        ProjectConfig config = fromIniFile(ini);
        config.directory = dir;
        adoptFlaskLayout(config);
        return config;
    }
    ProjectConfig config;
    config.directory = dir;
    if (!QFileInfo(dir).isDir()) {
        config.problems.append(Problem::make(Problem::Severity::Error, u"ProjectNotFound"_s, dir, 0,
                                             u"directory does not exist; pass the migrations directory "
                                             "with -d"_s));
        return config;
    }
    if (QFileInfo(dir + u"/versions"_s).isDir()) {
        config.scriptLocation = dir;
        config.versionLocations = {dir + u"/versions"_s};
        return config;
    }
    config.problems.append(
        Problem::make(Problem::Severity::Error, u"ProjectNotFound"_s, dir, 0,
                      u"no alembic.ini and no versions/ folder here; pass the migrations directory with -d, "
                      "or create a project with init"_s));
    return config;
}

ProjectConfig ProjectConfig::fromIniFile(const QString &iniPath)
{
    ProjectConfig config;
    const QFileInfo info(iniPath);
    const QString iniDir = QDir::cleanPath(info.absolutePath());
    const QString runDir = isFlaskMigrateEnv(iniDir) ? QFileInfo(iniDir).absolutePath() : iniDir;
    config.iniPath = QDir::cleanPath(info.absoluteFilePath());
    config.directory = iniDir;

    const IniFile ini = IniFile::load(config.iniPath);
    config.problems += ini.problems();
    Problems &problems = config.problems;

    // Script location: Flask-Migrate leaves it out of its alembic.ini and passes its directory.
    const std::optional<QString> location = mainOption(ini, u"script_location"_s, problems);
    const int locationLine = ini.value(MainSection, u"script_location"_s).line;
    if (!location || location->isEmpty()) {
        config.scriptLocation = iniDir;
    } else if (isPackageResource(*location)) {
        problems.append(Problem::make(Problem::Severity::Error, u"UnsupportedScriptLocation"_s, config.iniPath,
                                      locationLine,
                                      u"script_location \"%1\" names a Python package resource; use a "
                                      "directory path (e.g. %(here)s/migrations) instead"_s.arg(*location)));
    } else {
        config.scriptLocation = resolveLikeAlembic(runDir, iniDir, *location);
    }
    if (!config.scriptLocation.isEmpty() && !QFileInfo(config.scriptLocation).isDir()) {
        problems.append(Problem::make(Problem::Severity::Error, u"ScriptLocationMissing"_s, config.iniPath,
                                      locationLine,
                                      u"script_location %1 does not exist; fix script_location or "
                                      "create the directory"_s.arg(config.scriptLocation)));
    }

    // Version locations.
    const std::optional<QString> versions = mainOption(ini, u"version_locations"_s, problems);
    const int versionsLine = ini.value(MainSection, u"version_locations"_s).line;
    if (versions && !versions->isEmpty()) {
        const std::optional<QString> separator = mainOption(ini, u"version_path_separator"_s, problems);
        QStringList parts;
        if (!splitVersionLocations(*versions, separator, parts)) {
            problems.append(Problem::make(
                Problem::Severity::Error, u"InvalidVersionPathSeparator"_s, config.iniPath,
                ini.value(MainSection, u"version_path_separator"_s).line,
                u"version_path_separator \"%1\" is not valid; use one of space, os, ':' or ';'"_s.arg(*separator)));
        }
        for (const QString &part : std::as_const(parts)) {
            if (isPackageResource(part)) {
                problems.append(Problem::make(Problem::Severity::Error, u"UnsupportedVersionLocation"_s, config.iniPath,
                                              versionsLine,
                                              u"version location \"%1\" names a Python package "
                                              "resource; use a directory path instead"_s.arg(part)));
                continue;
            }
            const QString path = resolveLikeAlembic(runDir, iniDir, part);
            if (!config.versionLocations.contains(path))
                config.versionLocations.append(path);
        }
        config.versionLocationsConfigured = true;
    } else if (!config.scriptLocation.isEmpty()) {
        config.versionLocations = {config.scriptLocation + u"/versions"_s};
    }
    checkVersionLocations(config, versionsLine);

    if (const auto recursive = mainOption(ini, u"recursive_version_locations"_s, problems)) {
        const std::optional<bool> flag = parseBool(*recursive);
        if (flag) {
            config.recursiveVersionLocations = *flag;
        } else {
            problems.append(Problem::make(
                Problem::Severity::Warning, u"InvalidOption"_s, config.iniPath,
                ini.value(MainSection, u"recursive_version_locations"_s).line,
                u"recursive_version_locations \"%1\" is not true or false; treated as false"_s.arg(*recursive)));
        }
    }

    if (const auto tmpl = mainOption(ini, u"file_template"_s, problems))
        config.fileTemplate = *tmpl;

    if (const auto length = mainOption(ini, u"truncate_slug_length"_s, problems)) {
        bool ok = false;
        const int n = length->trimmed().toInt(&ok);
        if (!ok) {
            problems.append(Problem::make(
                Problem::Severity::Error, u"InvalidOption"_s, config.iniPath,
                ini.value(MainSection, u"truncate_slug_length"_s).line,
                u"truncate_slug_length \"%1\" is not a whole number; fix it or remove the line"_s.arg(*length)));
        } else if (n > 0) {
            config.truncateSlugLength = n; // Alembic falls back to 40 for 0
        }
    }

    if (const auto zone = mainOption(ini, u"timezone"_s, problems))
        config.timezone = zone->trimmed();

    if (const auto url = mainOption(ini, u"sqlalchemy.url"_s, problems))
        config.sqlalchemyUrl = *url;
    // Where the project's own modules are imported from (Alembic puts these on sys.path).
    if (const auto paths = mainOption(ini, u"prepend_sys_path"_s, problems)) {
        static const QRegularExpression separators(u"[\\s:;,]+"_s);
        for (const QString &part : paths->split(separators, Qt::SkipEmptyParts))
            config.prependSysPath.append(resolveLikeAlembic(runDir, iniDir, part));
    }

    if (ini.hasSection(RetortSection)) {
        for (const QString &key : ini.keys(RetortSection, true)) {
            const IniValue v = ini.value(RetortSection, key);
            if (v.error)
                problems.append(*v.error);
            else
                config.retort.insert(key, v.text);
        }
    }
    return config;
}

} // namespace retort
