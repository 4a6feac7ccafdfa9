#include "BackupProject.h"

#include "command/MigrateCommands.h"
#include "command/ProjectSnapshot.h"
#include "db/Connection.h"

#include <QDir>
#include <QFile>
#include <QSqlField>
#include <QSqlQuery>
#include <QSqlRecord>

using namespace Qt::StringLiterals;

namespace {

void write(const QString &path, const QString &text)
{
    QFile file(path);
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        file.write(text.toUtf8());
}

} // namespace

BackupProject::BackupProject(const QMap<QString, QString> &retortSettings)
{
    QString ini = u"[alembic]\n\n[retort]\n"_s;
    // Keep backups inside the temporary project unless a test names a folder itself.
    if (!retortSettings.contains(u"backup_dir"_s))
        ini += u"backup_dir = backups\n"_s;
    for (auto it = retortSettings.cbegin(); it != retortSettings.cend(); ++it)
        ini += it.key() + u" = "_s + it.value() + u'\n';
    write(m_dir.filePath(u"alembic.ini"_s), ini);
    QDir(m_dir.path()).mkpath(u"versions"_s);
    write(m_dir.filePath(u"versions/aaaa00000001_create_items.sql"_s),
          u"-- Revision ID: aaaa00000001\n-- Revises:\n-- Message: Create items\n\n"
          "-- +upgrade\nCREATE TABLE items (id INTEGER PRIMARY KEY, name VARCHAR(40) NOT NULL, price NUMERIC(8,2));\n"
          "INSERT INTO items (id, name, price) VALUES (1, 'kettle', 19.50);\n"
          "INSERT INTO items (id, name, price) VALUES (2, 'it''s a mug', 4.25);\n\n"
          "-- +downgrade\nDROP TABLE items;\n"_s);
    write(
        m_dir.filePath(u"versions/bbbb00000002_create_orders.sql"_s),
        u"-- Revision ID: bbbb00000002\n-- Revises: aaaa00000001\n-- Message: Create orders\n\n"
        "-- +upgrade\nCREATE TABLE orders (id INTEGER PRIMARY KEY, item_id INTEGER REFERENCES items(id), note TEXT);\n"
        "INSERT INTO orders (id, item_id, note) VALUES (10, 1, 'first');\n"
        "INSERT INTO orders (id, item_id, note) VALUES (11, 2, NULL);\n\n"
        "-- +downgrade\nDROP TABLE orders;\n"_s);
}

std::unique_ptr<retort::DatabaseSession> BackupProject::open(const QString &url, QString *failure) const
{
    auto project = retort::ProjectSnapshot::load(m_dir.path(), m_dir.path());
    auto opened = retort::DatabaseSession::open(project, url, QProcessEnvironment::systemEnvironment(), m_dir.path());
    if (auto *error = opened.failure()) {
        *failure = error->toString();
        return nullptr;
    }
    return std::move(opened).value();
}

QString describeDatabase(retort::Connection &connection)
{
    QSqlDatabase db = connection.database();
    QStringList tables = db.tables(QSql::Tables);
    tables.sort();
    QString text;
    for (const QString &table : std::as_const(tables)) {
        const QSqlRecord record = db.record(table);
        text += u"table "_s + table + u'\n';
        QStringList orderBy;
        for (int i = 0; i < record.count(); ++i) {
            text += u"  column "_s + record.fieldName(i) + u' ' + QString::fromLatin1(record.field(i).metaType().name())
                + (record.field(i).requiredStatus() == QSqlField::Required ? u" not null"_s : QString()) + u'\n';
            orderBy << QString::number(i + 1);
        }
        QSqlQuery query(db);
        if (!query.exec(u"SELECT * FROM "_s + connection.dialect().quoteIdentifier(table) + u" ORDER BY "_s
                        + orderBy.join(u", "_s))) {
            text += u"  unreadable\n"_s;
            continue;
        }
        while (query.next()) {
            QStringList values;
            for (int i = 0; i < record.count(); ++i)
                values << (query.isNull(i) ? u"NULL"_s : query.value(i).toString());
            text += u"  row "_s + values.join(u" | "_s) + u'\n';
        }
    }
    return text;
}

bool MigratedProject::setUp(const QString &backend, QString *failure, const QMap<QString, QString> &retortSettings)
{
    database = TestDatabase::create(backend, failure);
    if (!database)
        return false;
    project = std::make_unique<BackupProject>(retortSettings);
    session = project->open(database->url(), failure);
    if (!session)
        return false;
    retort::RunObserver observer;
    const retort::RunOutcome outcome = retort::migrateRequestCommand(*session, retort::MigrationRequest::upgrade(),
                                                                     observer, std::chrono::milliseconds(0));
    if (!outcome.ok())
        *failure = outcome.error ? outcome.error->toString() : QStringLiteral("the upgrade was cancelled");
    return outcome.ok();
}
