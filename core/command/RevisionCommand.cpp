#include "RevisionCommand.h"

#include "command/NewRevision.h"
#include "graph/Resolver.h"

#include <QDir>
#include <QFileInfo>

#include <set>

using namespace Qt::StringLiterals;

namespace retort {

ScriptFormat newRevisionFormat(const ProjectConfig &config)
{
    const QString configured = config.retort.value(u"format"_s).trimmed().toLower();
    if (configured == u"sql"_s)
        return ScriptFormat::Sql;
    if (configured == u"python"_s)
        return ScriptFormat::Python;
    return QFileInfo::exists(QDir(config.scriptLocation).absoluteFilePath(u"script.py.mako"_s)) ? ScriptFormat::Python
                                                                                                : ScriptFormat::Sql;
}

namespace {

// --version-path: one of the version locations, as Alembic requires (relative paths are taken
// from the working directory, as os.path.abspath does).
RunResult<QString> versionDirectory(const ProjectSnapshot &project, const RevisionRequest &request,
                                    const RevIndexes &parents)
{
    const QStringList &locations = project.config().versionLocations;
    QString path = request.versionPath;
    if (path.isEmpty()) {
        if (locations.size() > 1) {
            if (parents.empty())
                return RunError::make(ErrorKind::NoVersionLocation,
                                      u"Multiple version locations present, please specify --version-path"_s);
            return defaultVersionDirectory(project, parents);
        }
        if (locations.isEmpty())
            return RunError::make(ErrorKind::NoVersionLocation,
                                  u"the project has no version location to write the revision to"_s);
        return locations.constFirst();
    }
    const QString normalized = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    for (const QString &location : locations) {
        if (QDir::cleanPath(location) == normalized)
            return location;
    }
    return RunError::make(ErrorKind::NoVersionLocation,
                          u"Path %1 is not represented in current version locations"_s.arg(path));
}

} // namespace

RunResult<RevisionOutcome> revisionCommand(const ProjectSnapshot &project, const RevisionRequest &request)
{
    if (const auto &error = project.blockingError())
        return RunError::make(error->kind, u"the project cannot be read as a revision graph: %1"_s.arg(error->message));
    const RevisionMap &map = project.map();
    const ProjectConfig &config = project.config();

    const QString revId = request.revId.isEmpty() ? newRevisionId() : request.revId;
    if (auto error = checkNewRevisionId(map, revId))
        return *error;

    // The parents, as generate_revision takes them from --head.
    RevIndexes parents;
    {
        const Result<RevIndexes> resolved = Resolver(map).revisions(request.head.isEmpty() ? u"head"_s : request.head);
        if (!resolved)
            return newRevisionGraphError(resolved.error());
        for (RevIndex i : *resolved) {
            if (i >= 0) // "base": a new root
                parents.push_back(i);
        }
    }
    if (std::set<RevIndex>(parents.begin(), parents.end()).size() != parents.size())
        return RunError::make(ErrorKind::DuplicateHeads, u"Duplicate head revisions specified"_s);

    const Fallible<QDateTime> createDate = revisionCreateDate(config.timezone, QDateTime::currentDateTimeUtc());
    if (!createDate.ok())
        return RunError::make(ErrorKind::CommandError, createDate.error().message);

    auto directory = versionDirectory(project, request, parents);
    if (auto *error = directory.failure())
        return *error;

    if (!request.splice) {
        for (RevIndex i : parents) {
            if (!map.isHead(i))
                return RunError::make(ErrorKind::NotAHead,
                                      u"Revision %1 is not a head revision; please specify --splice to create a new "
                                      "branch from this revision"_s.arg(map.id(i)),
                                      map.id(i), map.revision(i).path);
        }
    }

    // depends_on: a branch label stays a label, anything else becomes the full id.
    QStringList dependsOn;
    for (const QString &dependency : request.dependsOn) {
        const Result<RevIndex> target = Resolver(map).revision(dependency);
        if (!target)
            return newRevisionGraphError(target.error());
        if (*target < 0)
            return RunError::make(ErrorKind::ResolutionError,
                                  u"Can't locate revision identified by '%1'"_s.arg(dependency));
        dependsOn << (map.revision(*target).branchLabels.contains(dependency) ? dependency : map.id(*target));
    }

    if (!request.branchLabel.isEmpty()) {
        if (auto error = checkNewBranchLabel(map, request.branchLabel, revId))
            return *error;
    }

    RevisionOutcome outcome;
    outcome.revision = revId;
    outcome.parents = map.ids(parents);
    outcome.dependsOn = dependsOn;
    outcome.format = newRevisionFormat(config);
    for (RevIndex i : parents) {
        if (map.revision(i).format == ScriptFormat::Sql)
            outcome.format = ScriptFormat::Sql;
    }

    if (outcome.format == ScriptFormat::Sql) {
        Revision revision;
        revision.id = revId;
        revision.downRevisions = outcome.parents;
        revision.dependsOn = dependsOn;
        if (!request.branchLabel.isEmpty())
            revision.branchLabels = {request.branchLabel};
        revision.createDate = pythonDateTimeText(createDate.value(), !config.timezone.isEmpty());
        // The header holds one line.
        revision.message = request.message ? request.message->simplified() : u"empty message"_s;
        const QString path =
            newRevisionPath(config, directory.value(), revId, request.message, createDate.value(), u".sql"_s);
        auto written = writeNativeRevision(revision, path);
        if (auto *error = written.failure())
            return *error;
        outcome.path = written.value();
        return outcome;
    }

    RevisionTemplateValues values;
    values.revision = revId;
    values.downRevisions = outcome.parents;
    if (!request.branchLabel.isEmpty())
        values.branchLabels = {request.branchLabel};
    values.dependsOn = dependsOn;
    values.createDate = createDate.value();
    values.createDateHasZone = !config.timezone.isEmpty();
    values.message = request.message;
    const QString path =
        newRevisionPath(config, directory.value(), revId, request.message, createDate.value(), u".py"_s);
    auto written = writePythonRevision(config, values, path);
    if (auto *error = written.failure())
        return *error;
    outcome.path = written.value();
    return outcome;
}

} // namespace retort
