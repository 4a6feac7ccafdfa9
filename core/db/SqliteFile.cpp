#include "SqliteFile.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QUuid>

namespace retort {

bool ensureSqliteDatabase(const QString &path, QString *error)
{
    const QFileInfo info(path);
    if (info.exists())
        return true;
    if (!QDir().mkpath(info.absolutePath())) {
        if (error)
            *error = QStringLiteral("cannot create the folder %1").arg(info.absolutePath());
        return false;
    }
    const QString connection = QStringLiteral("retort-create-") + QUuid::createUuid().toString();
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(info.absoluteFilePath());
        ok = db.open();
        if (!ok && error)
            *error = QStringLiteral("cannot create the SQLite database %1: %2")
                         .arg(info.absoluteFilePath(), db.lastError().text());
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return ok;
}

} // namespace retort
