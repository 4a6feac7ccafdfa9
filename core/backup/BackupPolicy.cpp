#include "BackupPolicy.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace retort {

namespace {

Problem badSetting(const ProjectConfig &config, const QString &key, const QString &value, const QString &expected)
{
    Problem problem;
    problem.severity = Problem::Severity::Warning;
    problem.kind = QStringLiteral("BadSetting");
    problem.path = config.iniPath;
    problem.message = QStringLiteral("[retort] %1 = %2 is not %3; using the default").arg(key, value, expected);
    return problem;
}

} // namespace

QString BackupPolicy::defaultDirectory(const ProjectConfig &config)
{
    const QString root = QDir::cleanPath(QFileInfo(!config.iniPath.isEmpty() ? QFileInfo(config.iniPath).absolutePath()
                                                       : !config.directory.isEmpty() ? config.directory
                                                                                     : QDir::currentPath())
                                             .absoluteFilePath());
    // "migrations" says little; the folder above it names the application.
    QString name = QFileInfo(root).fileName();
    if (name == u"migrations" || name.isEmpty())
        name = QFileInfo(QFileInfo(root).absolutePath()).fileName();
    const QByteArray hash = QCryptographicHash::hash(root.toUtf8(), QCryptographicHash::Sha1).toHex().left(8);
    const QString data = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    return QDir::cleanPath(data + QStringLiteral("/retort/backups/") + name + QLatin1Char('-')
                           + QString::fromLatin1(hash));
}

BackupPolicy BackupPolicy::fromConfig(const ProjectConfig &config)
{
    BackupPolicy policy;
    const QString base = !config.iniPath.isEmpty() ? QFileInfo(config.iniPath).absolutePath()
        : !config.directory.isEmpty()              ? config.directory
                                                   : QDir::currentPath();
    const QString dir = config.retort.value(QStringLiteral("backup_dir")).trimmed();
    policy.directory = dir.isEmpty() ? defaultDirectory(config) : QDir::cleanPath(QDir(base).absoluteFilePath(dir));

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

bool planNeedsBackup(const Plan &plan, const BackupPolicy &policy)
{
    for (const PlanStep &step : plan.steps) {
        if (step.stamp)
            continue;
        if (step.direction == PlanStep::Direction::Down || policy.beforeUpgrade)
            return true;
    }
    return false;
}

} // namespace retort
