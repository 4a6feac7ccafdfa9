#include "EngineDatabase.h"

#include "db/DatabaseUrl.h"

#include <QCoreApplication>
#include <QDir>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUrl>

#include <atomic>

using namespace Qt::StringLiterals;
using retort::Connection;
using retort::DatabaseUrl;

namespace {

std::unique_ptr<Connection> openUrl(const QString &text, QString *failure)
{
    const auto url = DatabaseUrl::parse(text);
    if (!url) {
        *failure = url.error().message;
        return nullptr;
    }
    auto connection = std::make_unique<Connection>(*url, QDir::currentPath());
    if (const auto error = connection->open()) {
        *failure = error->toString();
        return nullptr;
    }
    return connection;
}

} // namespace

QString EngineDatabase::serverUrl(QString *failure)
{
    const QString url = qEnvironmentVariable("RETORT_TEST_PG_URL");
    if (url.isEmpty())
        *failure = u"RETORT_TEST_PG_URL is not set: run this test through ctest, whose postgres "
                   "fixture starts a private server"_s;
    return url;
}

std::unique_ptr<EngineDatabase> EngineDatabase::create(const QString &backend, QString *failure, const QString &owner)
{
    std::unique_ptr<EngineDatabase> db(new EngineDatabase);
    db->m_backend = backend;
    if (backend == u"sqlite"_s) {
        db->m_dir = std::make_unique<QTemporaryDir>();
        if (!db->m_dir->isValid()) {
            *failure = u"cannot create a temporary folder: "_s + db->m_dir->errorString();
            return nullptr;
        }
        db->m_url = u"sqlite:///"_s + db->m_dir->filePath(u"engine.db"_s);
        return db;
    }
    const QString server = serverUrl(failure);
    if (server.isEmpty())
        return nullptr;
    static std::atomic<int> counter{0};
    db->m_databaseName = u"retort_engine_%1_%2"_s.arg(QCoreApplication::applicationPid()).arg(++counter);
    auto admin = openUrl(server, failure);
    if (!admin)
        return nullptr;
    QString create = u"CREATE DATABASE "_s + db->m_databaseName;
    if (!owner.isEmpty())
        create += u" OWNER "_s + owner;
    if (auto error = admin->execute(create)) {
        *failure = error->toString();
        return nullptr;
    }
    auto url = DatabaseUrl::parse(server).value();
    url.database = db->m_databaseName;
    db->m_url = url.toString();
    return db;
}

EngineDatabase::~EngineDatabase()
{
    m_connection.reset();
    if (m_databaseName.isEmpty())
        return;
    QString failure;
    if (auto admin = openUrl(serverUrl(&failure), &failure))
        admin->execute(u"DROP DATABASE "_s + m_databaseName + u" WITH (FORCE)"_s);
}

QString EngineDatabase::urlAs(const QString &user, const QString &password) const
{
    auto url = DatabaseUrl::parse(m_url).value();
    url.user = user;
    url.password = password;
    return url.toString();
}

Connection *EngineDatabase::connection(QString *failure)
{
    if (!m_connection)
        m_connection = openUrl(m_url, failure);
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
                                  schema.isEmpty() ? u"public"_s : schema)
                            : u"SELECT name FROM sqlite_master WHERE type = 'table'"_s;
    QStringList names;
    for (const QStringList &row : rows(sql, &failure))
        names.append(row.value(0));
    names.sort();
    return names;
}

QStringList EngineDatabase::versionRows(const QString &table, const QString &schema)
{
    const QString qualified = schema.isEmpty() ? table : schema + u'.' + table;
    if (!tables(schema).contains(table))
        return {};
    QString failure;
    QStringList heads;
    for (const QStringList &row : rows(u"SELECT version_num FROM "_s + qualified, &failure))
        heads.append(row.value(0));
    heads.sort();
    return heads;
}
