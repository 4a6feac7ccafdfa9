// The catalog stamp replay uses to skip a catalog read: on a real database of each dialect
// (STAMP_BACKEND), every kind of schema change the reader reports changes the stamp, and a
// statement that only changes data leaves it as it was. Each change is also checked against the
// reader itself, so a stamp that stayed while the schema moved would show as a failure.
#include "SchemaTestDatabase.h"
#include "schema/CatalogStamp.h"
#include "schema/SchemaJson.h"
#include "schema/SchemaReader.h"

#include <QJsonDocument>
#include <QtTest>

using namespace retort;
using namespace Qt::StringLiterals;

namespace {

const QString Backend = QStringLiteral(STAMP_BACKEND);

QByteArray schemaText(Connection &connection)
{
    const DbResult<Schema> schema = readSchema(connection);
    return schema ? QJsonDocument(SchemaJson::toJson(*schema)).toJson(QJsonDocument::Compact) : QByteArray("error");
}

} // namespace

class TestCatalogStamp : public QObject
{
    Q_OBJECT

private slots:
    void schemaChangesChangeTheStamp_data()
    {
        QTest::addColumn<QString>("statement");
        QTest::addColumn<bool>("changesSchema");
        const bool pg = Backend == u"postgresql";
        const auto row = [](const char *name, const QString &sql, bool changes) {
            QTest::newRow(name) << sql << changes;
        };
        row("insert", u"INSERT INTO t (id, name) VALUES (10, 'x')"_s, false);
        row("update", u"UPDATE t SET name = 'y' WHERE id = 1"_s, false);
        row("delete", u"DELETE FROM t WHERE id = 2"_s, false);
        row("create table", u"CREATE TABLE u (id INTEGER PRIMARY KEY)"_s, true);
        row("drop table", u"DROP TABLE old"_s, true);
        row("add column", u"ALTER TABLE t ADD COLUMN extra INTEGER"_s, true);
        row("create index", u"CREATE INDEX t_name ON t (name)"_s, true);
        row("drop index", u"DROP INDEX t_old"_s, true);
        row("create view", u"CREATE VIEW w AS SELECT id FROM t"_s, true);
        row("rename column", u"ALTER TABLE t RENAME COLUMN name TO title"_s, true);
        if (pg) {
            row("set not null", u"ALTER TABLE t ALTER COLUMN name SET NOT NULL"_s, true);
            row("set default", u"ALTER TABLE t ALTER COLUMN name SET DEFAULT 'n'"_s, true);
            row("drop default", u"ALTER TABLE t ALTER COLUMN code DROP DEFAULT"_s, true);
            row("type change", u"ALTER TABLE t ALTER COLUMN code TYPE BIGINT"_s, true);
            row("check constraint", u"ALTER TABLE t ADD CONSTRAINT t_code CHECK (code > 0)"_s, true);
            row("foreign key", u"ALTER TABLE old ADD CONSTRAINT old_t FOREIGN KEY (t_id) REFERENCES t (id)"_s, true);
            row("replace view", u"CREATE OR REPLACE VIEW v AS SELECT id, name FROM t"_s, true);
            row("enum value", u"ALTER TYPE mood ADD VALUE 'sad'"_s, true);
            row("sequence", u"CREATE SEQUENCE s2"_s, true);
            row("sequence owner", u"ALTER SEQUENCE s1 OWNED BY t.code"_s, true);
            row("sequence increment", u"ALTER SEQUENCE s1 INCREMENT BY 5"_s, true);
            row("schema", u"CREATE SCHEMA other"_s, false); // an empty schema: a new stamp is fine too
            row("nextval", u"SELECT nextval('s1')"_s, false);
        }
    }

    void schemaChangesChangeTheStamp()
    {
        QFETCH(QString, statement);
        QFETCH(bool, changesSchema);
        const bool pg = Backend == u"postgresql";
        QStringList setup{u"CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(20), code INTEGER DEFAULT 1)"_s,
                          u"CREATE TABLE old (id INTEGER PRIMARY KEY, t_id INTEGER)"_s,
                          u"CREATE INDEX t_old ON t (code)"_s, u"CREATE VIEW v AS SELECT id FROM t"_s,
                          u"INSERT INTO t (id, name) VALUES (1, 'a'), (2, 'b')"_s};
        if (pg)
            setup << u"CREATE TYPE mood AS ENUM ('happy')"_s << u"CREATE SEQUENCE s1"_s;
        QString failure;
        BuiltDatabase db = buildDatabase(Backend, setup, &failure);
        QVERIFY2(db.connection, qPrintable(failure));
        const DbResult<QString> before = catalogStamp(*db.connection);
        QVERIFY2(before, before ? "" : qPrintable(before.error().toString()));
        const QByteArray schemaBefore = schemaText(*db.connection);

        if (const auto error = db.connection->execute(statement))
            QFAIL(qPrintable(error->toString()));
        const DbResult<QString> after = catalogStamp(*db.connection);
        QVERIFY(after);
        const bool schemaMoved = schemaText(*db.connection) != schemaBefore;
        // The one thing that must never happen: the schema moved and the stamp did not.
        if (schemaMoved)
            QVERIFY2(*after != *before, qPrintable(u"stamp stayed at "_s + *before));
        if (changesSchema)
            QVERIFY2(schemaMoved, "the statement was expected to change what the reader reports");
        else if (!statement.startsWith(u"CREATE SCHEMA"_s))
            QCOMPARE(*after, *before);
    }
};

QTEST_GUILESS_MAIN(TestCatalogStamp)
#include "tst_catalogstamp.moc"
