#include "GitHistory.h"

#include "GitLogParser.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

#include <algorithm>

namespace retort {

namespace {

constexpr int kTimeoutMs = 120'000;

// Existing directories, canonical (symlinks resolved, as git sees its working directory),
// without repeats and without those inside another one (its files are read with the outer one).
QStringList distinctDirectories(const QStringList &directories)
{
    QStringList canonical;
    for (const QString &directory : directories) {
        const QString path = QFileInfo(directory).canonicalFilePath();
        if (!path.isEmpty() && QFileInfo(path).isDir() && !canonical.contains(path))
            canonical.append(path);
    }
    QStringList outer;
    for (const QString &path : std::as_const(canonical)) {
        const bool nested = std::any_of(canonical.cbegin(), canonical.cend(), [&path](const QString &other) {
            return other != path
                && path.startsWith(other.endsWith(QLatin1Char('/')) ? other : other + QLatin1Char('/'));
        });
        if (!nested)
            outer.append(path);
    }
    return outer;
}

QProcessEnvironment gitEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // Inherited from a hook or a shell, these would point git at another repository.
    for (const char *name : {"GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_COMMON_DIR", "GIT_NAMESPACE"})
        environment.remove(QString::fromLatin1(name));
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C")); // messages we recognise
    environment.insert(QStringLiteral("GIT_TERMINAL_PROMPT"), QStringLiteral("0"));
    environment.insert(QStringLiteral("GIT_OPTIONAL_LOCKS"), QStringLiteral("0"));
    return environment;
}

QStringList logArguments(const QString &directory)
{
    return {QStringLiteral("-c"), QStringLiteral("log.showSignature=false"), QStringLiteral("-c"),
            QStringLiteral("log.showRoot=true"), QStringLiteral("-C"), directory,
            // git's default order, newest commit date first: --topo-order would be exact under
            // clock skew but costs a second pass over the history (twice the time on 10,000 commits).
            QStringLiteral("log"), QStringLiteral("-z"), QStringLiteral("--name-status"),
            QStringLiteral("--diff-filter=AR"), QStringLiteral("-M"), QStringLiteral("--relative"),
            QStringLiteral("--no-color"), QStringLiteral("--format=") + GitLogParser::format(), QStringLiteral("--"),
            QStringLiteral(".")};
}

// Outside a repository, or in one without commits: nothing to tell, nothing to fix.
bool meansNoHistory(const QByteArray &standardError)
{
    return standardError.contains("not a git repository") || standardError.contains("does not have any commits");
}

// Runs git in `directory` and feeds the parser; fails only on a real failure of git.
Fallible<void> readDirectory(const QString &git, const QString &directory, GitLogParser &parser)
{
    QProcess process;
    process.setProcessEnvironment(gitEnvironment());
    process.setProgram(git);
    process.setArguments(logArguments(directory));
    process.setStandardInputFile(QProcess::nullDevice());
    process.start();
    if (!process.waitForStarted())
        return {}; // no usable git program: the same as no history
    if (!process.waitForFinished(kTimeoutMs)) {
        process.kill();
        process.waitForFinished();
        return Failure{QStringLiteral("git log in %1 took longer than %2 s; the authors of revisions are not shown")
                           .arg(directory)
                           .arg(kTimeoutMs / 1000)};
    }
    const QByteArray standardError = process.readAllStandardError();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        if (meansNoHistory(standardError))
            return {};
        return Failure{QStringLiteral("git log in %1 failed (exit code %2): %3")
                           .arg(directory)
                           .arg(process.exitCode())
                           .arg(QString::fromLocal8Bit(standardError).trimmed())};
    }
    parser.parse(process.readAllStandardOutput());
    return {};
}

} // namespace

GitHistory GitHistory::read(const QStringList &directories)
{
    GitHistory history;
    const QStringList locations = distinctDirectories(directories);
    if (locations.isEmpty())
        return history;
    const QString git = QStandardPaths::findExecutable(QStringLiteral("git"));
    if (git.isEmpty())
        return history;
    for (const QString &directory : locations) {
        GitLogParser parser;
        if (const auto read = readDirectory(git, directory, parser); !read.ok())
            history.m_failures.append(read.error().message);
        const QHash<QString, FileOrigin> &origins = parser.origins();
        for (auto it = origins.cbegin(); it != origins.cend(); ++it)
            history.m_origins.insert(directory + QLatin1Char('/') + it.key(), it.value());
    }
    return history;
}

std::optional<FileOrigin> GitHistory::originOf(const QString &absolutePath) const
{
    const QFileInfo info(absolutePath);
    QString key = info.canonicalFilePath();
    if (key.isEmpty())
        key = QDir::cleanPath(info.absoluteFilePath());
    const auto it = m_origins.constFind(key);
    if (it == m_origins.cend())
        return std::nullopt;
    return *it;
}

} // namespace retort
