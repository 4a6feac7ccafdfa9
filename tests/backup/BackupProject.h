#pragma once

#include "TestDatabase.h"
#include "command/DatabaseSession.h"

#include <QMap>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

// A native SQL project in a temporary folder (alembic.ini with a [retort] section, two
// revisions: a -> b, each creating a table with rows) and sessions opened on it.
class BackupProject
{
public:
    static constexpr const char *kFirst = "aaaa00000001";
    static constexpr const char *kSecond = "bbbb00000002";

    explicit BackupProject(const QMap<QString, QString> &retortSettings = {});
    bool isValid() const { return m_dir.isValid(); }
    QString path() const { return m_dir.path(); }
    QString backupDirectory() const { return m_dir.filePath(QStringLiteral("backups")); }

    // A session on url, or nullptr with *failure set.
    std::unique_ptr<retort::DatabaseSession> open(const QString &url, QString *failure) const;

private:
    QTemporaryDir m_dir;
};

// Everything a restore must bring back, as text: each user table's columns (name and type) and
// its rows in a stable order, plus the version table.
QString describeDatabase(retort::Connection &connection);

// A BackupProject migrated to its head on a fresh database of one backend (TestDatabase).
struct MigratedProject
{
    std::unique_ptr<TestDatabase> database;
    std::unique_ptr<BackupProject> project;
    std::unique_ptr<retort::DatabaseSession> session;

    // false with *failure set when the database, the session or the upgrade failed.
    bool setUp(const QString &backend, QString *failure, const QMap<QString, QString> &retortSettings = {});
};
