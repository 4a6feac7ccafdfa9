#include "NativeProject.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace {

// Runs `work` on a connection of its own to the project's SQLite file.
template <typename Work>
void withDatabase(const QString &path, Work work)
{
    const QString name = QUuid::createUuid().toString();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        if (db.open())
            work(db);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

QStringList column(const QString &path, const QString &sql)
{
    QStringList values;
    withDatabase(path, [&](QSqlDatabase &db) {
        QSqlQuery query(db);
        if (query.exec(sql)) {
            while (query.next())
                values << query.value(0).toString();
        }
    });
    values.sort();
    return values;
}

} // namespace

QString NativeProject::versions() const
{
    return dir.filePath(u"versions"_s);
}
QString NativeProject::database() const
{
    return dir.filePath(u"app.db"_s);
}
QString NativeProject::url() const
{
    return u"sqlite:///"_s + database();
}
QString NativeProject::file(const QString &id) const
{
    return versions() + u'/' + id + u"_step.sql"_s;
}

bool NativeProject::addRevision(const QString &id, const QString &parents) const
{
    QDir().mkpath(versions());
    QFile f(file(id));
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    const QString table = u"t_"_s + id;
    f.write(u"-- Revision ID: %1\n-- Revises: %2\n-- Message: step %1\n\n-- +upgrade\n"
            "CREATE TABLE %3 (id INTEGER PRIMARY KEY);\n\n-- +downgrade\nDROP TABLE %3;\n"_s.arg(id, parents, table)
                .toUtf8());
    return true;
}

bool NativeProject::append(const QString &id, const QByteArray &text) const
{
    QFile f(file(id));
    if (!f.open(QIODevice::Append))
        return false;
    f.write(text);
    return true;
}

QString NativeProject::sha256(const QString &id) const
{
    QFile f(file(id));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLatin1(QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex());
}

bool NativeProject::setRows(const QStringList &rows) const
{
    bool ok = false;
    withDatabase(database(), [&](QSqlDatabase &db) {
        QSqlQuery q(db);
        ok = q.exec(u"DELETE FROM alembic_version"_s);
        for (const QString &row : rows)
            ok = ok && q.exec(u"INSERT INTO alembic_version (version_num) VALUES ('%1')"_s.arg(row));
    });
    return ok;
}

QStringList NativeProject::rows() const
{
    return column(database(), u"SELECT version_num FROM alembic_version"_s);
}

QStringList NativeProject::tables() const
{
    return column(database(),
                  u"SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 't\\_%' ESCAPE '\\'"_s);
}

CliResult NativeProject::retort(const QStringList &arguments) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"DATABASE_URL"_s);
    return runRetort(QStringList{u"-d"_s, dir.path(), u"--url"_s, url()} + arguments, env, dir.path());
}

QJsonObject jsonOf(const CliResult &result)
{
    return QJsonDocument::fromJson(result.out.toUtf8()).object();
}

QStringList strings(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray())
        list << item.toString();
    return list;
}

QString describe(const CliResult &result)
{
    return u"exit %1\nstdout:\n%2\nstderr:\n%3"_s.arg(result.exitCode).arg(result.out, result.err);
}
