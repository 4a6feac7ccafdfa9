#pragma once

// Copies of the interop fixtures (tests/interop/*) in a temporary directory, so that running
// the real flask / alembic never writes into the source tree.

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QUuid>

namespace interop {

inline QString fixture(const QString &name)
{
    return QStringLiteral(RETORT_SOURCE_DIR "/tests/interop/") + name;
}

inline bool copyTree(const QString &from, const QString &to)
{
    QDir().mkpath(to);
    QDirIterator it(from, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString src = it.next();
        const QFileInfo fi = it.fileInfo();
        const QString rel = QDir(from).relativeFilePath(src);
        if (rel.contains(QStringLiteral("__pycache__")))
            continue;
        const QString dst = QDir(to).filePath(rel);
        if (fi.isDir()) {
            if (!QDir().mkpath(dst))
                return false;
        } else {
            QDir().mkpath(QFileInfo(dst).absolutePath());
            if (!QFile::copy(src, dst))
                return false;
        }
    }
    return true;
}

inline bool writeFile(const QString &path, const QString &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    f.write(text.toUtf8());
    return true;
}

// The system environment without FLASK_APP / DATABASE_URL leaking in from the caller.
inline QProcessEnvironment cleanEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("FLASK_APP"));
    env.remove(QStringLiteral("DATABASE_URL"));
    return env;
}

// Rows of a one-column query on an SQLite file, sorted; opened and closed each time.
inline QStringList sqliteColumn(const QString &file, const QString &sql)
{
    QStringList out;
    const QString name = QUuid::createUuid().toString();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(file);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(sql)) {
                while (q.next())
                    out << q.value(0).toString();
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    out.sort();
    return out;
}

} // namespace interop
