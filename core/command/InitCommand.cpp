#include "InitCommand.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace retort {

namespace {

// Removes what this run created, newest first (directories only when empty).
void rollBack(const QStringList &created)
{
    for (auto it = created.crbegin(); it != created.crend(); ++it) {
        if (QFileInfo(*it).isDir())
            QDir().rmdir(*it);
        else
            QFile::remove(*it);
    }
}

} // namespace

RunResult<InitOutcome> initCommand(const InitRequest &request, const QString &workingDirectory)
{
    const QString directory = QDir::cleanPath(
        QDir(workingDirectory).absoluteFilePath(request.directory.isEmpty() ? u"migrations"_s : request.directory));
    const QFileInfo info(directory);
    if (info.exists() && !info.isDir())
        return RunError::make(ErrorKind::CommandError, u"%1 exists and is not a directory"_s.arg(directory), {},
                              directory);
    if (info.isDir() && !QDir(directory).isEmpty(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot))
        return RunError::make(ErrorKind::CommandError, u"Directory %1 already exists and is not empty"_s.arg(directory),
                              {}, directory);

    InitOutcome outcome;
    outcome.directory = directory;
    // Every missing directory on the way, so a failure can take them back.
    QStringList missing;
    for (QString d = directory; !QFileInfo::exists(d); d = QFileInfo(d).absolutePath())
        missing.prepend(d);
    for (const QString &d : std::as_const(missing)) {
        if (!QDir().mkdir(d)) {
            rollBack(outcome.created);
            return RunError::make(ErrorKind::WriteFailed, u"cannot create the directory %1"_s.arg(d), {}, d);
        }
        outcome.created << d;
    }
    const QString versions = QDir(directory).filePath(u"versions"_s);
    if (!QDir().mkdir(versions)) {
        rollBack(outcome.created);
        return RunError::make(ErrorKind::WriteFailed, u"cannot create the directory %1"_s.arg(versions), {}, versions);
    }
    outcome.created << versions;
    for (const TemplateFile &file : projectTemplateFiles(request.kind)) {
        const QString path = QDir(directory).filePath(file.path);
        QSaveFile out(path);
        const bool written =
            out.open(QIODevice::WriteOnly) && out.write(file.content) == file.content.size() && out.commit();
        if (!written) {
            const QString why = out.errorString();
            rollBack(outcome.created);
            return RunError::make(ErrorKind::WriteFailed, u"cannot write %1: %2; nothing was kept"_s.arg(path, why), {},
                                  path);
        }
        outcome.created << path;
    }
    return outcome;
}

} // namespace retort
