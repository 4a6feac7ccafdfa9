#include "ScriptDirectory.h"

#include "DirectoryEntries.h"
#include "FileBytes.h"
#include "Logging.h"
#include "ParallelFor.h"
#include "ProjectModules.h"
#include "StringIndex.h"

#include "PythonRevisionReader.h"
#include "SqlRevisionReader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>

#include <algorithm>
#include <string_view>
#include <vector>

#include <fcntl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace retort {

namespace {

struct FileRead
{
    QString path; // absolute
    Problems problems;
    std::optional<Revision> revision;
    quint32 idHash = 0; // StringIndex::hashOf(revision->id), worked out while the id is in cache
};

struct FoundFile
{
    // Absolute; empty for a plain file, whose path its reader puts together (Listing::pathOf)
    // on a worker thread rather than here, one file at a time.
    QString path;
    int directory = -1; // its directory's index in Listing::directories; -1: open it by path
    QByteArray name; // its name there, as the file system has it
    // What tells a file reached twice: the real path of a symbolic link's target, or, for a
    // file, its name in the real directory (Listing::realPaths) at this index.
    QString linkTarget;
    int realDirectory = -1;
    int prefix = -1; // its directory's absolute path, with a '/', in Listing::prefixes
};

// The listed directories held open, so their files are opened relative to them (openat): the
// kernel then need not walk each file's whole path again.
class OpenDirectories
{
public:
    OpenDirectories() = default;
    OpenDirectories(const OpenDirectories &) = delete;
    OpenDirectories &operator=(const OpenDirectories &) = delete;
    ~OpenDirectories()
    {
        for (int fd : m_fds)
            ::close(fd);
    }
    // The index of `directory`, now open; -1 when it cannot be opened.
    int open(const QString &directory)
    {
        const int fd = ::open(QFile::encodeName(directory).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fd < 0)
            return -1;
        m_fds.push_back(fd);
        return int(m_fds.size()) - 1;
    }
    int fd(int index) const { return m_fds[size_t(index)]; }

private:
    std::vector<int> m_fds;
};

// A name as the file system has it, as a QString: QFile::decodeName, whose local 8-bit encoding
// Qt 6 takes to be UTF-8 on Unix, through the much quicker direct call.
QString fileName(const QByteArray &name)
{
    return QString::fromUtf8(name);
}

struct Listing
{
    QList<FoundFile> files;
    QSet<QString> realDirectories;
    QStringList realPaths; // of the directories listed, in order
    QStringList prefixes; // their absolute paths as given, each with a trailing '/'
    // Whether a file can be reached twice: through a symbolic link, or a directory listed
    // twice. Without either, every path is a different file and no set of them is needed.
    bool mayRepeat = false;
    OpenDirectories directories;

    QString pathOf(const FoundFile &file) const
    {
        return file.path.isEmpty() ? prefixes.at(file.prefix) + fileName(file.name) : file.path;
    }
};

// Python's sorted() on names: code point order, not locale order, which is the byte order of
// their UTF-8.
// The sort compares each name's first eight bytes as one number kept beside its index, and reads
// the names themselves only on a tie: a name is an allocation of its own, and 10,000 of them
// compared directly cost a cache miss per comparison.
void sortByName(QList<DirectoryEntry> &entries)
{
    struct Key
    {
        quint64 head; // the first eight bytes, big-endian, zero-padded (a name holds no NUL)
        qsizetype index;
    };
    std::vector<Key> keys;
    keys.reserve(size_t(entries.size()));
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QByteArray &name = entries.at(i).name;
        quint64 head = 0;
        for (qsizetype k = 0; k < 8; ++k)
            head = (head << 8) | (k < name.size() ? quint8(name.at(k)) : 0u);
        keys.push_back(Key{head, i});
    }
    const auto view = [&](const Key &key) {
        const QByteArray &name = entries.at(key.index).name;
        return std::string_view(name.constData(), size_t(name.size()));
    };
    std::sort(keys.begin(), keys.end(),
              [&](const Key &a, const Key &b) { return a.head != b.head ? a.head < b.head : view(a) < view(b); });
    QList<DirectoryEntry> sorted;
    sorted.reserve(entries.size());
    for (const Key &key : keys)
        sorted.append(std::move(entries[key.index]));
    entries = std::move(sorted);
}

// Alembic's os.walk order: a directory's files, then each sub-directory in turn. Entries are
// told apart by what the directory reports (no stat per file); only symbolic links are
// followed to see what they lead to, and the real directory is resolved once per directory.
void listFiles(const QString &directory, bool recursive, Listing &out, Problems &problems)
{
    const QFileInfo self(directory);
    Fallible<QList<DirectoryEntry>> listed = readDirectoryEntries(directory);
    if (!self.isReadable() || !self.isExecutable() || !listed) {
        // Rather than lose the directory's revisions silently, say it could not be listed.
        const QString reason = listed ? u"permission denied"_s : listed.error().message;
        problems.append(Problem::make(Problem::Severity::Error, u"UnreadableDirectory"_s, directory, 0,
                                      u"cannot list the directory (%1); check its permissions"_s.arg(reason)));
        return;
    }
    QList<DirectoryEntry> entries = std::move(listed).value();
    sortByName(entries);
    const QString realDir = self.canonicalFilePath();
    if (out.realDirectories.contains(realDir))
        out.mayRepeat = true;
    out.realDirectories.insert(realDir);
    const int realDirectory = int(out.realPaths.size());
    out.realPaths.append(realDir);
    QString prefix = QDir(directory).absolutePath();
    if (!prefix.endsWith(u'/'))
        prefix += u'/';
    const int opened = out.directories.open(prefix);
    const int prefixIndex = int(out.prefixes.size());
    out.prefixes.append(prefix);
    out.files.reserve(out.files.size() + entries.size());
    QStringList subdirectories;
    for (DirectoryEntry &entry : entries) {
        using Type = DirectoryEntry::Type;
        if (entry.type == Type::Directory) {
            // os.walk does not follow directory symlinks (which also keeps cycles out).
            if (recursive && entry.name != "__pycache__")
                subdirectories.append(prefix + fileName(entry.name));
            continue;
        }
        if (!ScriptDirectory::isRevisionFileName(entry.name))
            continue;
        if (entry.type == Type::SymLink) {
            const QString path = prefix + fileName(entry.name);
            const QFileInfo info(path);
            if (!info.exists()) {
                problems.append(
                    Problem::make(Problem::Severity::Error, u"BrokenLink"_s, path, 0,
                                  u"symbolic link to %1, which does not exist (or the links go round in "
                                  "a loop); point it at the revision file or remove it"_s.arg(info.symLinkTarget())));
            } else if (info.isFile()) {
                out.files.append(
                    FoundFile{path, opened, std::move(entry.name), info.canonicalFilePath(), -1, prefixIndex});
                out.mayRepeat = true;
            }
            continue;
        }
        if (entry.type == Type::File) // not a device or a socket
            out.files.append(FoundFile{{}, opened, std::move(entry.name), {}, realDirectory, prefixIndex});
    }
    for (const QString &sub : std::as_const(subdirectories))
        listFiles(sub, recursive, out, problems);
}

ScriptDirectory loadLocations(const QStringList &locations, bool recursive, bool reportMissing,
                              const ProjectModules *modules)
{
    ScriptDirectory result;
    Listing found;
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
    std::vector<FoundFile *> toRead;
    toRead.reserve(size_t(found.files.size()));
    for (FoundFile &file : found.files) {
        if (found.mayRepeat) {
            const QString identity = file.realDirectory >= 0
                ? found.realPaths.at(file.realDirectory) + QLatin1Char('/') + fileName(file.name)
                : file.linkTarget;
            if (seenFiles.contains(identity)) {
                result.problems.append(
                    Problem::make(Problem::Severity::Warning, u"DuplicateFile"_s, found.pathOf(file), 0,
                                  u"file is reached through more than one version location and is read once; "
                                  "make version_locations unique"_s));
                continue;
            }
            seenFiles.insert(identity);
        }
        toRead.push_back(&file);
    }

    // Each file is read and parsed on its own, so the files are spread over the cores; what
    // they hold is then taken in the files' order, as one reader going through them would.
    // The reader also frees the file's name and hashes its id: on this thread, by now, each
    // would be a cache miss.
    std::vector<FileRead> reads(toRead.size());
    parallelFor(qsizetype(toRead.size()), [&](qsizetype i) {
        FoundFile &file = *toRead[size_t(i)];
        FileRead &read = reads[size_t(i)];
        read.path = found.pathOf(file);
        const Fallible<QByteArray> bytes = file.directory >= 0
            ? readFileBytesAt(found.directories.fd(file.directory), file.name)
            : readFileBytes(read.path);
        if (file.name.endsWith(".sql")) {
            SqlReadResult sql = SqlRevisionReader::readFile(bytes, read.path);
            read.problems = std::move(sql.problems);
            read.revision = std::move(sql.revision);
        } else {
            RevisionReadResult python = PythonRevisionReader::readFile(bytes, read.path, modules);
            read.problems = std::move(python.problems);
            read.revision = std::move(python.revision);
        }
        if (read.revision)
            read.idHash = StringIndex::hashOf(read.revision->id);
        file.name = QByteArray();
    });

    result.files.reserve(qsizetype(reads.size()));
    for (FileRead &read : reads)
        result.files.append(std::move(read.path));
    StringIndex indexOfId; // id -> its place in result.revisions
    indexOfId.reserve(size_t(result.files.size()));
    const auto idAt = [&](int at) -> const QString & { return result.revisions.at(at).id; };
    result.revisions.reserve(result.files.size());
    for (qsizetype i = 0; i < result.files.size(); ++i) {
        const QString &absolute = result.files.at(i);
        FileRead &read = reads[size_t(i)];
        result.problems += read.problems;
        std::optional<Revision> &revision = read.revision;
        if (!revision)
            continue;

        const int at = indexOfId.find(read.idHash, revision->id, idAt);
        if (at >= 0) {
            Problem p = Problem::make(Problem::Severity::Error, u"DuplicateRevision"_s, absolute, revision->line,
                                      u"revision %1 is also defined in %2; this later file is used, as Alembic does. "
                                      "Give one of them a new id (and fix the down_revision that points at it)"_s.arg(
                                          revision->id, result.revisions.at(at).path));
            p.revision = revision->id;
            result.problems.append(p);
            // The later file takes the id: the earlier one leaves, and the ones after it move up.
            result.revisions.removeAt(at);
            const int appended = int(result.revisions.size());
            indexOfId.renumber([at, appended](int value) {
                return value == at ? appended : value > at ? value - 1 : value;
            });
        } else {
            indexOfId.insert(read.idHash, int(result.revisions.size()));
        }
        result.revisions.append(std::move(*revision));
    }
    qCDebug(lcScript) << "read" << result.revisions.size() << "revisions from" << result.files.size() << "files in"
                      << locations << "with" << result.problems.size() << "problems";
    return result;
}

} // namespace

bool ScriptDirectory::isRevisionFileName(const QByteArray &fileName)
{
    if (fileName.startsWith(".#") || fileName.startsWith("__init__"))
        return false;
    if (fileName.contains('\n'))
        return false;
    return fileName.endsWith(".py") || fileName.endsWith(".sql");
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
