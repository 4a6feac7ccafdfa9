#include "TestDatabases.h"

#include "db/DatabaseUrl.h"

#include <QCoreApplication>
#include <QDir>
#include <QSqlQuery>

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

QString withDatabase(const QString &serverUrl, const QString &database)
{
    auto url = DatabaseUrl::parse(serverUrl).value();
    url.database = database;
    return url.toString();
}

} // namespace

QString TestDatabase::serverUrl(QString *failure)
{
    const QString url = qEnvironmentVariable("RETORT_TEST_PG_URL");
    if (url.isEmpty())
        *failure = u"RETORT_TEST_PG_URL is not set: run this test through ctest, whose postgres "
                   "fixture starts a private server (ctest -R tst_dbreal)"_s;
    return url;
}

std::unique_ptr<TestDatabase> TestDatabase::create(const QString &backend, QString *failure)
{
    std::unique_ptr<TestDatabase> db(new TestDatabase);
    db->m_backend = backend;
    if (backend == u"sqlite"_s) {
        db->m_dir = std::make_unique<QTemporaryDir>();
        if (!db->m_dir->isValid()) {
            *failure = u"cannot create a temporary folder: "_s + db->m_dir->errorString();
            return nullptr;
        }
        db->m_url = u"sqlite:///"_s + db->m_dir->filePath(u"test.db"_s);
        return db;
    }

    const QString server = serverUrl(failure);
    if (server.isEmpty())
        return nullptr;
    static std::atomic<int> counter{0};
    db->m_databaseName = u"retort_test_%1_%2"_s.arg(QCoreApplication::applicationPid())
                             .arg(++counter);
    auto admin = openUrl(server, failure);
    if (!admin)
        return nullptr;
    if (auto e = admin->execute(u"CREATE DATABASE "_s + db->m_databaseName)) {
        *failure = e->toString();
        return nullptr;
    }
    db->m_url = withDatabase(server, db->m_databaseName);
    return db;
}

TestDatabase::~TestDatabase()
{
    if (m_databaseName.isEmpty())
        return;
    QString failure;
    const QString server = serverUrl(&failure);
    if (auto admin = openUrl(server, &failure))
        admin->execute(u"DROP DATABASE "_s + m_databaseName + u" WITH (FORCE)"_s);
}

QString TestDatabase::url() const
{
    return m_url;
}

QString TestDatabase::sqlalchemyUrl() const
{
    return m_url;
}

std::unique_ptr<Connection> TestDatabase::connect(QString *failure) const
{
    return openUrl(m_url, failure);
}
