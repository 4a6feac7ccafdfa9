#include "MergeCommand.h"

#include "command/NewRevision.h"
#include "graph/Resolver.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>

#include <set>

using namespace Qt::StringLiterals;

namespace retort {

namespace {

// Alembic's default message when -m is not given (the template renders None this way).
const QString kDefaultMessage = u"empty message"_s;

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
    if (auto error = checkNewRevisionId(map, merge.revId))
        return *error;
    if (!request.branchLabel.isEmpty()) {
        if (auto error = checkNewBranchLabel(map, request.branchLabel, merge.revId))
            return *error;
    }

    const Result<RevIndexes> resolved = Resolver(map).revisions(request.revisions);
    if (!resolved)
        return newRevisionGraphError(resolved.error());
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

RunResult<MergeOutcome> writeNative(const ProjectSnapshot &project, const MergeRequest &request,
                                    const CheckedMerge &merge)
{
    const QString directory = defaultVersionDirectory(project, merge.parents);
    if (directory.isEmpty())
        return RunError::make(ErrorKind::NoVersionLocation,
                              u"the project has no version location to write the merge to"_s);
    const QDateTime now = QDateTime::currentDateTime();
    Revision revision;
    revision.id = merge.revId;
    revision.downRevisions = merge.parentIds;
    if (!request.branchLabel.isEmpty())
        revision.branchLabels = {request.branchLabel};
    revision.createDate = pythonDateTimeText(now, false);
    // The header holds one line; Alembic's doc is the first paragraph anyway.
    revision.message = request.message.isEmpty() ? kDefaultMessage : request.message.simplified();
    const QString path = newRevisionPath(project.config(), directory, merge.revId, request.message, now, u".sql"_s);
    auto written = writeNativeRevision(revision, path);
    if (auto *error = written.failure())
        return *error;
    return MergeOutcome{merge.revId, written.value(), merge.parentIds};
}

RunResult<MergeOutcome> mergeWithAlembic(const ProjectSnapshot &project, const MergeRequest &request,
                                         const CheckedMerge &merge, const QString &workingDirectory)
{
    // Always our own id: it finds the new file again whatever the template names it. Parents by
    // full id: what was checked is what gets merged.
    const AlembicAction action =
        AlembicAction::merge(merge.parentIds, request.message, request.branchLabel, merge.revId);
    auto written = writeWithAlembic(project, action, merge.revId, workingDirectory, {}, u"merge"_s);
    if (auto *error = written.failure())
        return *error;
    return MergeOutcome{merge.revId, written->path, written->downRevisions};
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
