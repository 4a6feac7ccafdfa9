#include "LiveSnapshot.h"

#include "db/Connection.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

using namespace Qt::StringLiterals;

namespace {

QStringList rowsOf(QSqlDatabase db, const QString &sql, QString *failure)
{
    QSqlQuery query(db);
    if (!query.exec(sql)) {
        *failure = sql + u": "_s + query.lastError().text();
        return {};
    }
    QStringList rows;
    while (query.next()) {
        QStringList fields;
        for (int i = 0; i < query.record().count(); ++i)
            fields << (query.isNull(i) ? u"NULL"_s : query.value(i).toString());
        rows << fields.join(u'|');
    }
    return rows;
}

QStringList sqliteSnapshot(const QString &url)
{
    const QString path = url.mid(QStringLiteral("sqlite:///").size());
    QStringList snapshot;
    QFile file(path);
    snapshot << (file.open(QIODevice::ReadOnly)
                     ? QString::fromLatin1(QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex())
                     : u"missing"_s);
    for (const char *suffix : {"-journal", "-wal", "-shm"})
        snapshot << u"%1 %2"_s.arg(QLatin1String(suffix),
                                   QFile::exists(path + QLatin1String(suffix)) ? u"yes"_s : u"no"_s);
    return snapshot;
}

} // namespace

QStringList liveSnapshot(const TestDatabase &database, QString *failure)
{
    if (!database.isPostgres())
        return sqliteSnapshot(database.url());
    auto connection = database.connect(failure);
    if (!connection)
        return {};
    QSqlDatabase db = connection->database();
    const QString userSchemas =
        u"n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'"_s;
    QStringList snapshot;
    const QStringList catalog[] = {
        rowsOf(db,
               u"SELECT n.nspname, c.relname, c.relkind, a.attnum, a.attname, format_type(a.atttypid, a.atttypmod), "
               "a.attnotnull, pg_get_expr(d.adbin, d.adrelid) FROM pg_class c JOIN pg_namespace n ON n.oid = "
               "c.relnamespace LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT "
               "a.attisdropped LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum WHERE "_s
                   + userSchemas + u" ORDER BY 1, 2, 4"_s,
               failure),
        rowsOf(db,
               u"SELECT n.nspname, t.relname, c.conname, pg_get_constraintdef(c.oid) FROM pg_constraint c JOIN "
               "pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace WHERE "_s
                   + userSchemas + u" ORDER BY 1, 2, 3"_s,
               failure),
        rowsOf(
            db,
            u"SELECT schemaname, indexname, indexdef FROM pg_indexes n WHERE schemaname NOT IN ('pg_catalog') ORDER BY 1, 2"_s,
            failure),
    };
    for (const QStringList &part : catalog)
        snapshot << part << u"--"_s;
    const QStringList tables =
        rowsOf(db,
               u"SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) FROM pg_class c JOIN pg_namespace n ON "
               "n.oid = c.relnamespace WHERE c.relkind = 'r' AND "_s
                   + userSchemas + u" ORDER BY 1"_s,
               failure);
    for (const QString &table : tables) {
        snapshot << table << rowsOf(db, u"SELECT count(*) FROM %1"_s.arg(table), failure)
                 << rowsOf(db, u"SELECT t::text FROM %1 t ORDER BY 1"_s.arg(table), failure);
    }
    return snapshot;
}
