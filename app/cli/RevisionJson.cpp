#include "RevisionJson.h"

namespace retort::cli {

QJsonObject revisionToJson(const RevisionMap &map, RevIndex revision)
{
    const Revision &rev = map.revision(revision);
    return QJsonObject{
        {QStringLiteral("revision"), rev.id},
        {QStringLiteral("down_revisions"), QJsonArray::fromStringList(rev.downRevisions)},
        {QStringLiteral("branch_labels"), QJsonArray::fromStringList(map.branchLabels(revision))},
        {QStringLiteral("depends_on"), QJsonArray::fromStringList(rev.dependsOn)},
        {QStringLiteral("message"), rev.message},
        {QStringLiteral("create_date"), rev.createDate},
        {QStringLiteral("path"), rev.path},
        {QStringLiteral("format"), rev.format == ScriptFormat::Sql ? QStringLiteral("sql") : QStringLiteral("python")},
        {QStringLiteral("is_head"), map.isHead(revision)},
        {QStringLiteral("is_base"), map.isBase(revision)},
        {QStringLiteral("is_branch_point"), map.isBranchPoint(revision)},
        {QStringLiteral("is_merge_point"), map.isMergePoint(revision)},
    };
}

QJsonArray revisionsToJson(const RevisionMap &map, const RevIndexes &revisions)
{
    QJsonArray array;
    for (RevIndex i : revisions)
        array.append(revisionToJson(map, i));
    return array;
}

QJsonObject errorToJson(const GraphError &error)
{
    return QJsonObject{
        {QStringLiteral("error"),
         QJsonObject{{QStringLiteral("kind"), error.kindName()}, {QStringLiteral("message"), error.message}}}};
}

} // namespace retort::cli
