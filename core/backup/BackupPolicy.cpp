#include "BackupPolicy.h"

#include <QDir>
#include <QFileInfo>

namespace retort {

namespace {

Problem badSetting(const ProjectConfig &config, const QString &key, const QString &value,
                   const QString &expected)
{
    Problem problem;
    problem.severity = Problem::Severity::Warning;
    problem.kind = QStringLiteral("BadSetting");
    problem.path = config.iniPath;
    problem.message = QStringLiteral("[retort] %1 = %2 is not %3; using the default").arg(key, value, expected);
    return problem;
}

} // namespace

BackupPolicy BackupPolicy::fromConfig(const ProjectConfig &config)
{
    BackupPolicy policy;
    const QString base = !config.iniPath.isEmpty() ? QFileInfo(config.iniPath).absolutePath()
                         : !config.directory.isEmpty() ? config.directory
                                                       : QDir::currentPath();
    const QString dir = config.retort.value(QStringLiteral("backup_dir")).trimmed();
    policy.directory = QDir::cleanPath(QDir(base).absoluteFilePath(dir.isEmpty() ? QStringLiteral("backups") : dir));

    const QString beforeUpgradeKey = QStringLiteral("backup_before_upgrade");
    if (config.retort.contains(beforeUpgradeKey)) {
        const QString value = config.retort.value(beforeUpgradeKey).trimmed().toLower();
        if (value == u"true" || value == u"yes" || value == u"on" || value == u"1")
            policy.beforeUpgrade = true;
        else if (!(value == u"false" || value == u"no" || value == u"off" || value == u"0"))
            policy.problems.append(badSetting(config, beforeUpgradeKey, value, QStringLiteral("true or false")));
    }
    const QString keepKey = QStringLiteral("backup_keep");
    if (config.retort.contains(keepKey)) {
        bool ok = false;
        const int keep = config.retort.value(keepKey).trimmed().toInt(&ok);
        if (ok && keep >= 0)
            policy.keep = keep;
        else
            policy.problems.append(badSetting(config, keepKey, config.retort.value(keepKey),
                                              QStringLiteral("a number of backups (0 keeps all)")));
    }
    return policy;
}

} // namespace retort
