#include "BackupInfo.h"

#include <QJsonArray>

namespace retort {

namespace {
const QString kFormat = QStringLiteral("retort-backup/1");
}

QJsonObject BackupInfo::toJson() const
{
    return {
        {QStringLiteral("format"), kFormat},
        {QStringLiteral("file"), path.section(QLatin1Char('/'), -1)},
        {QStringLiteral("dialect"), dialect},
        {QStringLiteral("database"), database},
        {QStringLiteral("source"), source},
        {QStringLiteral("url"), url},
        {QStringLiteral("heads"), QJsonArray::fromStringList(heads)},
        {QStringLiteral("size"), size},
        {QStringLiteral("sha256"), sha256},
        {QStringLiteral("retort_version"), retortVersion},
        {QStringLiteral("created_at"), createdAt.toUTC().toString(Qt::ISODateWithMs)},
    };
}

std::optional<BackupInfo> BackupInfo::fromJson(const QJsonObject &object, const QString &backupPath)
{
    if (object.value(QStringLiteral("format")).toString() != kFormat)
        return std::nullopt;
    BackupInfo info;
    info.path = backupPath;
    info.dialect = object.value(QStringLiteral("dialect")).toString();
    info.database = object.value(QStringLiteral("database")).toString();
    info.source = object.value(QStringLiteral("source")).toString();
    info.url = object.value(QStringLiteral("url")).toString();
    for (const QJsonValue &head : object.value(QStringLiteral("heads")).toArray())
        info.heads.append(head.toString());
    info.size = object.value(QStringLiteral("size")).toInteger(-1);
    info.sha256 = object.value(QStringLiteral("sha256")).toString();
    info.retortVersion = object.value(QStringLiteral("retort_version")).toString();
    info.createdAt = QDateTime::fromString(object.value(QStringLiteral("created_at")).toString(), Qt::ISODateWithMs);
    return info;
}

} // namespace retort
