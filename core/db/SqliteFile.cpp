#include "SqliteFile.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QUuid>

namespace retort {

Fallible<void> ensureSqliteDatabase(const QString &path)
{
    const QFileInfo info(path);
    if (info.exists())
        return {};
    if (!QDir().mkpath(info.absolutePath()))
        return Failure{QStringLiteral("cannot create the folder %1").arg(info.absolutePath())};
    const QString connection = QStringLiteral("retort-create-") + QUuid::createUuid().toString();
    Fallible<void> created;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(info.absoluteFilePath());
        if (!db.open())
            created = Failure{QStringLiteral("cannot create the SQLite database %1: %2")
                                  .arg(info.absoluteFilePath(), db.lastError().text())};
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return created;
}

} // namespace retort
