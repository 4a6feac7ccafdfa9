#include "NewRevision.h"

#include "authoring/MakoTemplate.h"
#include "command/DatabaseTarget.h"
#include "run/AlembicDetector.h"
#include "run/AlembicRunner.h"
#include "script/PythonRevisionReader.h"
#include "script/RevisionFileName.h"
#include "script/SqlRevisionReader.h"
#include "script/SqlRevisionWriter.h"

#include <QDir>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace retort {

RunError newRevisionGraphError(const GraphError &error)
{
    if (error.kind == ErrorKind::MultipleHeads)
        return RunError::make(error.kind,
                              u"Multiple heads are present; please specify the head revision on which the new "
                              "revision should be based, or perform a merge."_s);
    if (error.kind == ErrorKind::ResolutionError && !error.argument.isEmpty())
        return RunError::make(error.kind, u"Can't locate revision identified by '%1'"_s.arg(error.argument));
    return RunError::make(error.kind, error.message);
}

std::optional<RunError> checkNewRevisionId(const RevisionMap &map, const QString &revId)
{
    QStringList illegal;
    for (QChar c : {u'+', u'-', u':', u'@'}) {
        if (revId.contains(c))
            illegal << QString(c);
    }
    if (!illegal.isEmpty())
        return RunError::make(
            ErrorKind::RevisionError,
            u"Character(s) '%1' not allowed in revision identifier '%2'"_s.arg(illegal.join(u", "_s), revId));
    if (revId.trimmed() != revId || revId.contains(u' ') || revId.contains(u','))
        return RunError::make(ErrorKind::RevisionError,
                              u"revision identifier '%1' may not hold spaces or commas"_s.arg(revId));
    if (const RevIndex existing = map.indexOfKey(revId); existing >= 0)
        return RunError::make(ErrorKind::RevisionExists,
                              u"Revision %1 already exists (%2); choose another --rev-id or leave it out for a "
                              "new one"_s.arg(revId, map.revision(existing).path),
                              revId, map.revision(existing).path);
    return std::nullopt;
}

std::optional<RunError> checkNewBranchLabel(const RevisionMap &map, const QString &label, const QString &revId)
{
    if (label.contains(u'@') || label.contains(u',') || label.contains(u' ') || label.trimmed() != label)
        return RunError::make(ErrorKind::RevisionError,
                              u"branch label '%1' may not hold '@', ',' or spaces"_s.arg(label));
    if (const RevIndex user = map.indexOfKey(label); user >= 0 || label == revId)
        return RunError::make(ErrorKind::RevisionError,
                              u"Branch name '%1' in revision %2 already used by revision %3"_s.arg(
                                  label, revId, user >= 0 ? map.id(user) : revId));
    return std::nullopt;
}

QString defaultVersionDirectory(const ProjectSnapshot &project, const RevIndexes &parents)
{
    const QStringList &locations = project.config().versionLocations;
    if (locations.size() > 1) {
        for (RevIndex i : parents) {
            const QString dir = QFileInfo(project.map().revision(i).path).absolutePath();
            for (const QString &location : locations) {
                if (QDir::cleanPath(location) == QDir::cleanPath(dir))
                    return location;
            }
        }
    }
    return locations.value(0);
}

QString newRevisionPath(const ProjectConfig &config, const QString &directory, const QString &revId,
                        const std::optional<QString> &message, const QDateTime &createDate, const QString &extension)
{
    const QString name = RevisionFileName::fileName(config.fileTemplate, revId, message.value_or(QString()), createDate,
                                                    config.truncateSlugLength, extension);
    return QDir(directory).absoluteFilePath(name);
}

namespace {

std::optional<RunError> makeParent(const QString &path, const QString &revId)
{
    const QString dir = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(dir))
        return RunError::make(ErrorKind::WriteFailed, u"cannot create the directory %1"_s.arg(dir), revId, path);
    return std::nullopt;
}

} // namespace

RunResult<QString> writeNativeRevision(Revision revision, const QString &path)
{
    revision.format = ScriptFormat::Sql;
    if (auto error = makeParent(path, revision.id))
        return *error;
    if (auto failure = SqlRevisionWriter::write(revision, path); !failure.ok())
        return RunError::make(ErrorKind::WriteFailed, failure.error().message + u"; nothing was written"_s, revision.id,
                              path);
    // What was written must read back the same, or it does not stay.
    const SqlReadResult back = SqlRevisionReader::readFile(path);
    if (!back.revision || back.revision->id != revision.id || back.revision->downRevisions != revision.downRevisions
        || back.revision->branchLabels != revision.branchLabels || back.revision->dependsOn != revision.dependsOn
        || back.revision->message != revision.message) {
        QFile::remove(path);
        return RunError::make(ErrorKind::WriteFailed,
                              u"the new revision did not read back as written; it was removed"_s, revision.id, path);
    }
    return path;
}

RunResult<QString> writePythonRevision(const ProjectConfig &config, const RevisionTemplateValues &values,
                                       const QString &path)
{
    const QString templatePath = QDir(config.scriptLocation).absoluteFilePath(u"script.py.mako"_s);
    if (!QFileInfo::exists(templatePath))
        return RunError::make(
            ErrorKind::WriteFailed,
            u"%1 is missing: Python revisions are rendered from the project's script.py.mako"_s.arg(templatePath),
            values.revision, templatePath);
    const auto parsed = MakoTemplate::load(templatePath);
    const auto rendered =
        parsed.ok() ? parsed->render(revisionTemplateScope(values)) : Expected<QString, TemplateError>(parsed.error());
    if (const TemplateError *error = rendered.failure()) {
        return RunError::make(ErrorKind::WriteFailed,
                              u"%1; nothing was written. Change the template, or write the revision with the "
                              "project's own Alembic"_s.arg(error->message),
                              values.revision, error->file, error->line);
    }
    if (QFileInfo::exists(path))
        return RunError::make(ErrorKind::WriteFailed, u"%1 already exists; it is left as it is"_s.arg(path),
                              values.revision, path);
    if (auto error = makeParent(path, values.revision))
        return *error;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return RunError::make(ErrorKind::WriteFailed, u"cannot write %1: %2"_s.arg(path, file.errorString()),
                              values.revision, path);
    file.write(rendered.value().toUtf8());
    if (!file.commit())
        return RunError::make(ErrorKind::WriteFailed, u"cannot write %1: %2"_s.arg(path, file.errorString()),
                              values.revision, path);

    // generate_revision's own check: the file must define the revision, labels included.
    const RevisionReadResult back = PythonRevisionReader::readFile(path);
    if (!back.revision || back.revision->id != values.revision) {
        QFile::remove(path);
        return RunError::make(ErrorKind::WriteFailed,
                              u"the file rendered from %1 does not define revision %2; it was removed"_s.arg(
                                  templatePath, values.revision),
                              values.revision, templatePath);
    }
    if (!values.branchLabels.isEmpty() && back.revision->branchLabels.isEmpty()) {
        QFile::remove(path);
        return RunError::make(ErrorKind::WriteFailed,
                              u"Version %1 specified branch_labels %2, however the migration file %3 does not have "
                              "them; have you upgraded your script.py.mako to include the 'branch_labels' "
                              "section?"_s.arg(values.revision, values.branchLabels.join(u", "_s), path),
                              values.revision, templatePath);
    }
    return path;
}

RunResult<AlembicWritten> writeWithAlembic(const ProjectSnapshot &project, const AlembicAction &action,
                                           const QString &revId, const QString &workingDirectory,
                                           const QString &urlOption, const QString &verb)
{
    constexpr int kAlembicTimeoutMs = 120000;
    const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    AlembicDetector::Options options;
    options.environment = environment;
    // Flask apps may need DATABASE_URL to start; autogenerate reads the database too.
    if (const auto target = resolveDatabaseTarget(project.config(), urlOption, environment, workingDirectory))
        options.databaseUrl = target->url.toString();
    const AlembicDetection detection = AlembicDetector::detect(project.config(), options);
    if (!detection.found())
        return RunError::make(ErrorKind::AlembicUnavailable,
                              u"%1 runs the project's own Alembic command, and none works here. "_s.arg(verb)
                                  + detection.advice());
    const AlembicCommand &command = *detection.command;

    AlembicRunOptions runOptions;
    runOptions.databaseUrl = options.databaseUrl;
    runOptions.environment = environment;
    runOptions.timeout = std::chrono::milliseconds(kAlembicTimeoutMs);
    const AlembicRunResult run = AlembicRunner().run(command, action, runOptions);
    if (!run.succeeded()) {
        QString why = !run.errorLine.isEmpty() ? run.errorLine
            : !run.exceptionLine.isEmpty()     ? run.exceptionLine
            : !run.message.isEmpty()           ? run.message
                                               : run.output.value(run.output.size() - 1);
        const QString how =
            run.status == AlembicRunResult::Status::Failed ? u"exit code %1"_s.arg(run.exitCode) : u"did not finish"_s;
        return RunError::make(ErrorKind::AlembicFailed,
                              u"%1 failed (%2): %3\nAlembic said:\n%4\nFix the cause and run %5 again."_s.arg(
                                  run.commandLine, how, why, run.output.join(u'\n'), verb),
                              revId);
    }

    static const QRegularExpression generating(u"^\\s*Generating (.+?) \\.\\.\\.(\\s+done)?\\s*$"_s);
    QString reported;
    for (const QString &line : run.output) {
        const QRegularExpressionMatch m = generating.match(line);
        if (m.hasMatch())
            reported = m.captured(1);
    }
    AlembicWritten written;
    written.commandLine = run.commandLine;
    written.output = run.output;
    if (reported.isEmpty() && action.verb == AlembicAction::Verb::Autogenerate) {
        // env.py may drop an empty autogenerate (Flask-Migrate's does): success, no file.
        written.nothingWritten = true;
        return written;
    }
    // The file system and our reader have the last word on what was written.
    const auto reloaded = ProjectSnapshot::fromConfig(project.config());
    const RevIndex index = reloaded->map().indexOf(revId);
    if (index < 0)
        return RunError::make(
            ErrorKind::AlembicFailed,
            u"%1 succeeded but no revision %2 can be read from the project%3; look at what it "
            "printed:\n%4"_s.arg(run.commandLine, revId,
                                 reported.isEmpty() ? QString() : u" (it reported %1)"_s.arg(reported),
                                 run.output.join(u'\n')),
            revId, reported);
    const Revision &revision = reloaded->map().revision(index);
    written.path = QFileInfo(revision.path).absoluteFilePath();
    written.downRevisions = revision.downRevisions;
    return written;
}

} // namespace retort
