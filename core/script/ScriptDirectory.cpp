#include "ScriptDirectory.h"

#include "Logging.h"
#include "ParallelFor.h"
#include "ProjectModules.h"

#include "PythonRevisionReader.h"
#include "SqlRevisionReader.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QSet>

#include <algorithm>
#include <vector>

using namespace Qt::StringLiterals;

namespace retort {

namespace {

struct FileRead
{
    Problems problems;
    std::optional<Revision> revision;
};

struct FoundFile
{
    QString path; // absolute
    QString identity; // real path, to notice a file reached twice
};

// Python's sorted() on names: code point order, not locale order.
QFileInfoList sortedEntries(const QDir &dir, QDir::Filters filters)
{
    const QFileInfoList entries = dir.entryInfoList(filters | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Unsorted);
    QList<std::pair<QString, qsizetype>> names; // fileName() builds a string: do it once each
    names.reserve(entries.size());
    for (qsizetype i = 0; i < entries.size(); ++i)
        names.append({entries.at(i).fileName(), i});
    std::sort(names.begin(), names.end());
    QFileInfoList sorted;
    sorted.reserve(entries.size());
    for (const auto &entry : std::as_const(names))
        sorted.append(entries.at(entry.second));
    return sorted;
}

// Alembic's os.walk order: a directory's files, then each sub-directory in turn. The real
// directory is resolved once per directory, not once per file (that is a syscall per path
// component); only a file that is itself a symlink is resolved on its own.
void listFiles(const QString &directory, bool recursive, QList<FoundFile> &out, Problems &problems)
{
    const QDir dir(directory);
    const QFileInfo self(directory);
    const QString realDir = self.canonicalFilePath();
    if (!self.isReadable() || !self.isExecutable()) {
        // QDir lists an unreadable directory as empty: say so rather than lose its revisions.
        problems.append(Problem::make(Problem::Severity::Error, u"UnreadableDirectory"_s, directory, 0,
                                      u"cannot list the directory (permission denied); check its permissions"_s));
        return;
    }
    // QDir::System lists the symlinks that lead nowhere, which QDir::Files leaves out silently.
    for (const QFileInfo &info : sortedEntries(dir, QDir::Files | QDir::System)) {
        const QString name = info.fileName();
        if (!ScriptDirectory::isRevisionFileName(name))
            continue;
        if (info.isSymLink() && !info.exists()) {
            problems.append(
                Problem::make(Problem::Severity::Error, u"BrokenLink"_s, info.absoluteFilePath(), 0,
                              u"symbolic link to %1, which does not exist (or the links go round in "
                              "a loop); point it at the revision file or remove it"_s.arg(info.symLinkTarget())));
            continue;
        }
        if (!info.isFile())
            continue; // a device or a socket: not a revision file
        const QString identity = info.isSymLink() ? info.canonicalFilePath() : realDir + QLatin1Char('/') + name;
        out.append(FoundFile{info.absoluteFilePath(), identity});
    }
    if (!recursive)
        return;
    for (const QFileInfo &sub : sortedEntries(dir, QDir::Dirs)) {
        // os.walk does not follow directory symlinks (which also keeps cycles out).
        if (sub.fileName() != u"__pycache__"_s && !sub.isSymLink())
            listFiles(sub.absoluteFilePath(), recursive, out, problems);
    }
}

ScriptDirectory loadLocations(const QStringList &locations, bool recursive, bool reportMissing,
                              const ProjectModules *modules)
{
    ScriptDirectory result;
    QList<FoundFile> found;
    for (const QString &location : locations) {
        if (!QFileInfo(location).isDir()) {
            if (reportMissing) {
                result.problems.append(
                    Problem::make(Problem::Severity::Error, u"VersionLocationMissing"_s, location, 0,
                                  u"version location does not exist; create it or fix the configuration"_s));
            }
            continue;
        }
        listFiles(location, recursive, found, result.problems);
    }

    QSet<QString> seenFiles;
    for (const FoundFile &file : std::as_const(found)) {
        if (seenFiles.contains(file.identity)) {
            result.problems.append(
                Problem::make(Problem::Severity::Warning, u"DuplicateFile"_s, file.path, 0,
                              u"file is reached through more than one version location and is read once; "
                              "make version_locations unique"_s));
            continue;
        }
        seenFiles.insert(file.identity);
        result.files.append(file.path);
    }

    // Each file is read and parsed on its own, so the files are spread over the cores; what
    // they hold is then taken in the files' order, as one reader going through them would.
    std::vector<FileRead> reads(size_t(result.files.size()));
    parallelFor(result.files.size(), [&](qsizetype i) {
        const QString &path = result.files.at(i);
        FileRead &read = reads[size_t(i)];
        if (path.endsWith(u".sql"_s)) {
            SqlReadResult sql = SqlRevisionReader::readFile(path);
            read.problems = std::move(sql.problems);
            read.revision = std::move(sql.revision);
        } else {
            RevisionReadResult python = PythonRevisionReader::readFile(path, modules);
            read.problems = std::move(python.problems);
            read.revision = std::move(python.revision);
        }
    });

    QHash<QString, qsizetype> indexOfId;
    for (qsizetype i = 0; i < result.files.size(); ++i) {
        const QString &absolute = result.files.at(i);
        FileRead &read = reads[size_t(i)];
        result.problems += read.problems;
        std::optional<Revision> &revision = read.revision;
        if (!revision)
            continue;

        const auto previous = indexOfId.constFind(revision->id);
        if (previous != indexOfId.cend()) {
            const qsizetype at = previous.value();
            Problem p = Problem::make(Problem::Severity::Error, u"DuplicateRevision"_s, absolute, revision->line,
                                      u"revision %1 is also defined in %2; this later file is used, as Alembic does. "
                                      "Give one of them a new id (and fix the down_revision that points at it)"_s.arg(
                                          revision->id, result.revisions.at(at).path));
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
    qCDebug(lcScript) << "read" << result.revisions.size() << "revisions from" << result.files.size() << "files in"
                      << locations << "with" << result.problems.size() << "problems";
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
    // Module files are read only when a revision takes a name from one.
    const ProjectModules modules(ProjectModules::importRootsFor(config));
    return loadLocations(config.versionLocations, config.recursiveVersionLocations, false, &modules);
}

ScriptDirectory ScriptDirectory::load(const QStringList &versionLocations, bool recursive)
{
    return loadLocations(versionLocations, recursive, true, nullptr);
}

} // namespace retort
