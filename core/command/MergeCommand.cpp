#include "MergeCommand.h"

#include "command/DatabaseTarget.h"
#include "graph/Resolver.h"
#include "run/AlembicDetector.h"
#include "run/AlembicRunner.h"
#include "script/RevisionFileName.h"
#include "script/SqlRevisionReader.h"
#include "script/SqlRevisionWriter.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QUuid>

#include <set>

using namespace Qt::StringLiterals;

namespace retort {

namespace {

// Alembic's default message when -m is not given (the template renders None this way).
const QString kDefaultMessage = u"empty message"_s;
constexpr int kAlembicTimeoutMs = 120000;

// A graph error as Alembic's merge command words it (ScriptDirectory._catch_revision_errors
// around get_revisions, with generate_revision's multiple_heads text).
RunError fromGraphError(const GraphError &error)
{
    if (error.kind == ErrorKind::MultipleHeads)
        return RunError::make(error.kind,
                              u"Multiple heads are present; please specify the head revision on which the new "
                              "revision should be based, or perform a merge."_s);
    if (error.kind == ErrorKind::ResolutionError && !error.argument.isEmpty())
        return RunError::make(error.kind, u"Can't locate revision identified by '%1'"_s.arg(error.argument));
    return RunError::make(error.kind, error.message);
}

// util.rev_id(): the last twelve hex digits of a random UUID.
QString newRevisionId()
{
    return QUuid::createUuid().toString(QUuid::Id128).right(12);
}

// str(datetime.now()): microseconds included unless they are zero.
QString createDateText(const QDateTime &when)
{
    QString text = when.toString(u"yyyy-MM-dd HH:mm:ss"_s);
    const int micros = when.time().msec() * 1000;
    if (micros)
        text += u'.' + QString::number(micros).rightJustified(6, u'0');
    return text;
}

// The request checked against the graph: what the new revision will look like.
struct CheckedMerge
{
    QString revId;
    RevIndexes parents;
    QStringList parentIds;
};

RunResult<CheckedMerge> checkRequest(const ProjectSnapshot &project, const MergeRequest &request)
{
    // One head is reported below, with what the revisions resolved to.
    if (project.blockingError() || project.map().isEmpty())
        return RunError::make(ErrorKind::MergeUnavailable, mergeUnavailableReason(project));
    const RevisionMap &map = project.map();

    CheckedMerge merge;
    merge.revId = request.revId.isEmpty() ? newRevisionId() : request.revId;
    QStringList illegal;
    for (QChar c : {u'+', u'-', u':', u'@'}) {
        if (merge.revId.contains(c))
            illegal << QString(c);
    }
    if (!illegal.isEmpty())
        return RunError::make(
            ErrorKind::RevisionError,
            u"Character(s) '%1' not allowed in revision identifier '%2'"_s.arg(illegal.join(u", "_s), merge.revId));
    if (merge.revId.trimmed() != merge.revId || merge.revId.contains(u' ') || merge.revId.contains(u','))
        return RunError::make(ErrorKind::RevisionError,
                              u"revision identifier '%1' may not hold spaces or commas"_s.arg(merge.revId));
    if (const RevIndex existing = map.indexOfKey(merge.revId); existing >= 0)
        return RunError::make(ErrorKind::RevisionExists,
                              u"Revision %1 already exists (%2); choose another --rev-id or leave it out for a "
                              "new one"_s.arg(merge.revId, map.revision(existing).path),
                              merge.revId, map.revision(existing).path);
    if (!request.branchLabel.isEmpty()) {
        const QString &label = request.branchLabel;
        if (label.contains(u'@') || label.contains(u',') || label.contains(u' ') || label.trimmed() != label)
            return RunError::make(ErrorKind::RevisionError,
                                  u"branch label '%1' may not hold '@', ',' or spaces"_s.arg(label));
        if (const RevIndex user = map.indexOfKey(label); user >= 0 || label == merge.revId)
            return RunError::make(ErrorKind::RevisionError,
                                  u"Branch name '%1' in revision %2 already used by revision %3"_s.arg(
                                      label, merge.revId, user >= 0 ? map.id(user) : merge.revId));
    }

    const Result<RevIndexes> resolved = Resolver(map).revisions(request.revisions);
    if (!resolved)
        return fromGraphError(resolved.error());
    for (RevIndex i : *resolved) {
        if (i >= 0) // "base" stands for no revision
            merge.parents.push_back(i);
    }
    const std::set<RevIndex> distinct(merge.parents.begin(), merge.parents.end());
    if (distinct.size() != merge.parents.size())
        return RunError::make(ErrorKind::DuplicateHeads, u"Duplicate head revisions specified"_s);
    merge.parentIds = map.ids(merge.parents);
    if (merge.parents.size() < 2)
        return RunError::make(
            ErrorKind::NothingToMerge,
            u"%1 resolves to %2; a merge needs at least two heads"_s.arg(
                request.revisions.join(u' '),
                merge.parentIds.isEmpty() ? u"no revision"_s : u"only %1"_s.arg(merge.parentIds.constFirst())));
    for (RevIndex i : merge.parents) {
        if (!map.isHead(i))
            return RunError::make(ErrorKind::NotAHead,
                                  u"Revision %1 is not a head revision; please specify --splice to create a new "
                                  "branch from this revision"_s.arg(map.id(i)),
                                  map.id(i), map.revision(i).path);
    }
    // A head can still be an ancestor of another through depends_on.
    for (RevIndex i : merge.parents) {
        const std::vector<char> below = map.ancestors({i}, RevisionMap::Edges::All);
        for (RevIndex j : merge.parents) {
            if (j != i && below[size_t(j)])
                return RunError::make(ErrorKind::AncestorMerge,
                                      u"Revision %1 is an ancestor of %2; merge revisions on separate branches"_s.arg(
                                          map.id(j), map.id(i)),
                                      map.id(j));
        }
    }
    return merge;
}

// Alembic puts a new revision in the only version location, or, with several, in the first
// head's directory; when that is no configured location (recursive ones), the first location.
QString targetDirectory(const ProjectSnapshot &project, const CheckedMerge &merge)
{
    const QStringList &locations = project.config().versionLocations;
    if (locations.size() > 1) {
        for (RevIndex i : merge.parents) {
            const QString dir = QFileInfo(project.map().revision(i).path).absolutePath();
            for (const QString &location : locations) {
                if (QDir::cleanPath(location) == QDir::cleanPath(dir))
                    return location;
            }
        }
    }
    return locations.value(0);
}

RunResult<MergeOutcome> writeNative(const ProjectSnapshot &project, const MergeRequest &request,
                                    const CheckedMerge &merge)
{
    const QString directory = targetDirectory(project, merge);
    if (directory.isEmpty())
        return RunError::make(ErrorKind::NoVersionLocation,
                              u"the project has no version location to write the merge to"_s);
    const QDateTime now = QDateTime::currentDateTime();
    Revision revision;
    revision.id = merge.revId;
    revision.downRevisions = merge.parentIds;
    if (!request.branchLabel.isEmpty())
        revision.branchLabels = {request.branchLabel};
    revision.createDate = createDateText(now);
    // The header holds one line; Alembic's doc is the first paragraph anyway.
    revision.message = request.message.isEmpty() ? kDefaultMessage : request.message.simplified();
    revision.format = ScriptFormat::Sql;
    const ProjectConfig &config = project.config();
    const QString name = RevisionFileName::fileName(config.fileTemplate, merge.revId, request.message, now,
                                                    config.truncateSlugLength, u".sql"_s);
    const QString path = QDir(directory).absoluteFilePath(name);
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return RunError::make(ErrorKind::WriteFailed,
                              u"cannot create the directory %1"_s.arg(QFileInfo(path).absolutePath()));
    if (auto failure = SqlRevisionWriter::write(revision, path); !failure.ok())
        return RunError::make(ErrorKind::WriteFailed, failure.error().message + u"; nothing was written"_s, merge.revId,
                              path);

    // What was written must read back the same, or it does not stay.
    const SqlReadResult back = SqlRevisionReader::readFile(path);
    if (!back.revision || back.revision->id != revision.id || back.revision->downRevisions != revision.downRevisions
        || back.revision->branchLabels != revision.branchLabels || back.revision->message != revision.message) {
        QFile::remove(path);
        return RunError::make(ErrorKind::WriteFailed,
                              u"the merge revision did not read back as written; it was removed"_s, merge.revId, path);
    }
    return MergeOutcome{merge.revId, path, merge.parentIds};
}

RunResult<MergeOutcome> mergeWithAlembic(const ProjectSnapshot &project, const MergeRequest &request,
                                         const CheckedMerge &merge, const QString &workingDirectory)
{
    const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    AlembicDetector::Options options;
    options.environment = environment;
    // Flask apps may need DATABASE_URL to start even though merge touches no database.
    if (const auto target = resolveDatabaseTarget(project.config(), {}, environment, workingDirectory))
        options.databaseUrl = target->url.toString();
    const AlembicDetection detection = AlembicDetector::detect(project.config(), options);
    if (!detection.found())
        return RunError::make(ErrorKind::AlembicUnavailable,
                              u"merging Python revisions runs the project's own Alembic command, and none works "
                              "here. "_s
                                  + detection.advice());
    const AlembicCommand &command = *detection.command;

    // Always our own id: it finds the new file again whatever the template names it. Parents by
    // full id: what was checked is what gets merged.
    const AlembicAction action =
        AlembicAction::merge(merge.parentIds, request.message, request.branchLabel, merge.revId);
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
                              u"%1 failed (%2): %3\nAlembic said:\n%4\nFix the cause and run merge again."_s.arg(
                                  run.commandLine, how, why, run.output.join(u'\n')),
                              merge.revId);
    }

    static const QRegularExpression generating(u"^\\s*Generating (.+?) \\.\\.\\.(\\s+done)?\\s*$"_s);
    QString reported;
    for (const QString &line : run.output) {
        const QRegularExpressionMatch m = generating.match(line);
        if (m.hasMatch())
            reported = m.captured(1);
    }
    // The file system and our reader have the last word on what was written.
    const auto reloaded = ProjectSnapshot::fromConfig(project.config());
    const RevIndex written = reloaded->map().indexOf(merge.revId);
    if (written < 0)
        return RunError::make(
            ErrorKind::AlembicFailed,
            u"%1 succeeded but no revision %2 can be read from the project%3; look at what it "
            "printed:\n%4"_s.arg(run.commandLine, merge.revId,
                                 reported.isEmpty() ? QString() : u" (it reported %1)"_s.arg(reported),
                                 run.output.join(u'\n')),
            merge.revId, reported);
    const Revision &revision = reloaded->map().revision(written);
    return MergeOutcome{merge.revId, QFileInfo(revision.path).absoluteFilePath(), revision.downRevisions};
}

} // namespace

QString mergeUnavailableReason(const ProjectSnapshot &project)
{
    if (const auto &error = project.blockingError())
        return u"the project cannot be read as a revision graph: %1"_s.arg(error->message);
    const RevisionMap &map = project.map();
    if (map.isEmpty())
        return u"the project has no revisions"_s;
    const Result<RevIndexes> heads = Resolver(map).revisions(u"heads"_s);
    if (!heads)
        return heads.error().message;
    if (heads->size() < 2)
        return u"there is only one head (%1); nothing to merge"_s.arg(heads->empty() ? QString()
                                                                                     : map.id(heads->front()));
    return {};
}

RunResult<MergeOutcome> mergeCommand(const ProjectSnapshot &project, const MergeRequest &request,
                                     const QString &workingDirectory)
{
    auto checked = checkRequest(project, request);
    if (auto *error = checked.failure())
        return *error;
    const CheckedMerge &merge = checked.value();
    // Alembic cannot see native revisions, so any native parent makes a native merge.
    bool allPython = true;
    for (RevIndex i : merge.parents)
        allPython = allPython && project.map().revision(i).format == ScriptFormat::Python;
    if (allPython)
        return mergeWithAlembic(project, request, merge, workingDirectory);
    return writeNative(project, request, merge);
}

} // namespace retort
