#include "EngineDatabase.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

using namespace Qt::StringLiterals;
using retort::Connection;

std::unique_ptr<EngineDatabase> EngineDatabase::create(const QString &backend, QString *failure, const QString &owner)
{
    auto database = TestDatabase::create(backend, failure, owner);
    if (!database)
        return nullptr;
    return std::unique_ptr<EngineDatabase>(new EngineDatabase(std::move(database)));
}

EngineDatabase::~EngineDatabase()
{
    m_connection.reset();
}

Connection *EngineDatabase::connection(QString *failure)
{
    if (!m_connection)
        m_connection = m_database->connect(failure);
    return m_connection.get();
}

QList<QStringList> EngineDatabase::rows(const QString &sql, QString *failure)
{
    QList<QStringList> result;
    Connection *db = connection(failure);
    if (!db)
        return result;
    QSqlQuery query(db->database());
    if (!query.exec(sql)) {
        *failure = sql + u": "_s + query.lastError().text();
        return result;
    }
    while (query.next()) {
        QStringList row;
        for (int i = 0; i < query.record().count(); ++i)
            row.append(query.value(i).toString());
        result.append(row);
    }
    return result;
}

bool EngineDatabase::execute(const QString &sql, QString *failure)
{
    Connection *db = connection(failure);
    if (!db)
        return false;
    QSqlQuery query(db->database());
    if (!query.exec(sql)) {
        *failure = sql + u": "_s + query.lastError().text();
        return false;
    }
    return true;
}

QString EngineDatabase::errorOf(const QString &sql)
{
    QString failure;
    Connection *db = connection(&failure);
    if (!db)
        return failure;
    QSqlQuery query(db->database());
    if (query.exec(sql))
        return QString();
    return query.lastError().databaseText();
}

QStringList EngineDatabase::tables(const QString &schema)
{
    QString failure;
    const QString sql = isPostgres()
        ? u"SELECT table_name FROM information_schema.tables WHERE table_schema = '%1'"_s.arg(
            schema.isEmpty() ? u"public"_s : QString(schema).replace(u'\'', u"''"_s))
        : u"SELECT name FROM sqlite_master WHERE type = 'table'"_s;
    QStringList names;
    for (const QStringList &row : rows(sql, &failure))
        names.append(row.value(0));
    names.sort();
    return names;
}

QStringList EngineDatabase::versionRows(const QString &table, const QString &schema)
{
    const auto quoted = [](QString name) -> QString { return u'"' + name.replace(u'"', u"\"\""_s) + u'"'; };
    const QString qualified = schema.isEmpty() ? quoted(table) : quoted(schema) + u'.' + quoted(table);
    if (!tables(schema).contains(table))
        return {};
    QString failure;
    QStringList heads;
    for (const QStringList &row : rows(u"SELECT version_num FROM "_s + qualified, &failure))
        heads.append(row.value(0));
    heads.sort();
    return heads;
}
