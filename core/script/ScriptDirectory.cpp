#include "ScriptDirectory.h"

#include "PythonRevisionReader.h"
#include "SqlRevisionReader.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace retort {

namespace {

Problem makeProblem(Problem::Severity severity, const QString &kind, const QString &path, int line,
                    const QString &message)
{
    Problem p;
    p.severity = severity;
    p.kind = kind;
    p.path = path;
    p.line = line;
    p.message = message;
    return p;
}

// Python's sorted() on names: code point order, not locale order.
QStringList sortedEntries(const QDir &dir, QDir::Filters filters)
{
    QStringList names = dir.entryList(filters | QDir::NoDotAndDotDot | QDir::Hidden,
                                      QDir::Unsorted);
    std::sort(names.begin(), names.end());
    return names;
}

// Alembic's os.walk order: a directory's files, then each sub-directory in turn.
void listFiles(const QString &directory, bool recursive, QStringList &out)
{
    const QDir dir(directory);
    for (const QString &name : sortedEntries(dir, QDir::Files)) {
        if (ScriptDirectory::isRevisionFileName(name))
            out.append(dir.filePath(name));
    }
    if (!recursive)
        return;
    for (const QString &sub : sortedEntries(dir, QDir::Dirs)) {
        if (sub != u"__pycache__"_s)
            listFiles(dir.filePath(sub), recursive, out);
    }
}

ScriptDirectory loadLocations(const QStringList &locations, bool recursive, bool reportMissing)
{
    ScriptDirectory result;
    QStringList paths;
    for (const QString &location : locations) {
        if (!QFileInfo(location).isDir()) {
            if (reportMissing) {
                result.problems.append(makeProblem(
                    Problem::Severity::Error, u"VersionLocationMissing"_s, location, 0,
                    u"version location does not exist; create it or fix the configuration"_s));
            }
            continue;
        }
        listFiles(location, recursive, paths);
    }

    QSet<QString> seenFiles;
    QHash<QString, qsizetype> indexOfId;
    for (const QString &path : std::as_const(paths)) {
        const QFileInfo info(path);
        const QString real = info.canonicalFilePath();
        if (seenFiles.contains(real)) {
            result.problems.append(makeProblem(
                Problem::Severity::Warning, u"DuplicateFile"_s, path, 0,
                u"file is reached through more than one version location and is read once; "
                "make version_locations unique"_s));
            continue;
        }
        seenFiles.insert(real);
        const QString absolute = info.absoluteFilePath();
        result.files.append(absolute);

        std::optional<Revision> revision;
        if (absolute.endsWith(u".sql"_s)) {
            SqlReadResult read = SqlRevisionReader::readFile(absolute);
            result.problems += read.problems;
            revision = std::move(read.revision);
        } else {
            RevisionReadResult read = PythonRevisionReader::readFile(absolute);
            result.problems += read.problems;
            revision = std::move(read.revision);
        }
        if (!revision)
            continue;

        const auto previous = indexOfId.constFind(revision->id);
        if (previous != indexOfId.cend()) {
            const qsizetype at = previous.value();
            Problem p = makeProblem(
                Problem::Severity::Error, u"DuplicateRevision"_s, absolute, revision->line,
                u"revision %1 is also defined in %2; this later file is used, as Alembic does. "
                "Give one of them a new id (and fix the down_revision that points at it)"_s
                    .arg(revision->id, result.revisions.at(at).path));
            p.revision = revision->id;
            result.problems.append(p);
            result.revisions.removeAt(at);
            for (auto it = indexOfId.begin(); it != indexOfId.end(); ++it) {
                if (it.value() > at)
                    --it.value();
            }
        }
        indexOfId.insert(revision->id, result.revisions.size());
        result.revisions.append(std::move(*revision));
    }
    return result;
}

} // namespace

bool ScriptDirectory::isRevisionFileName(const QString &fileName)
{
    if (fileName.startsWith(u".#"_s) || fileName.startsWith(u"__init__"_s))
        return false;
    if (fileName.contains(QLatin1Char('\n')))
        return false;
    return fileName.endsWith(u".py"_s) || fileName.endsWith(u".sql"_s);
}

ScriptDirectory ScriptDirectory::load(const ProjectConfig &config)
{
    // ProjectConfig already reported missing locations.
    return loadLocations(config.versionLocations, config.recursiveVersionLocations, false);
}

ScriptDirectory ScriptDirectory::load(const QStringList &versionLocations, bool recursive)
{
    return loadLocations(versionLocations, recursive, true);
}

} // namespace retort
