// What replay uses to skip catalog reads, on a real database of each dialect (STAMP_BACKEND):
// - the catalog stamp: every kind of schema change the reader reports changes it, and a
//   statement that only changes data leaves it as it was;
// - the schema tracker, which reads again only what a change touched: after every change its
//   schema is the one a full read gives.
// Each change is checked against the reader itself, so a stamp that stayed or a tracker that
// missed something while the schema moved shows as a failure. Built a second time for
// PostgreSQL with STAMP_BATCHED, each change runs as a replay runs a native step there
// (BatchedStep, which counts the catalog rows it writes) and the tracker is told those counts:
// a step that wrote none must have left the schema as it was, and the parts of the catalog the
// counts leave out must not hide a change.
#include "SchemaTestDatabase.h"
#include "db/DataStatement.h"
#include "db/VersionTable.h"
#include "graph/Plan.h"
#include "run/StepScript.h"
#include "schema/CatalogStamp.h"
#include "schema/SchemaJson.h"
#include "schema/SchemaReader.h"
#include "schema/SchemaTracker.h"
#include "shadow/BatchedStep.h"

#include <QJsonDocument>
#include <QTest>

using namespace retort;
using namespace Qt::StringLiterals;

namespace {

const QString Backend = QStringLiteral(STAMP_BACKEND);
constexpr bool Batched = STAMP_BATCHED;

// Runs the statements of one step: as they are, or (Batched) as one batch with a version
// table change of its own, returning the catalog rows it wrote.
class StepRunner
{
public:
    explicit StepRunner(Connection &connection)
        : m_connection(connection)
    {
    }

    // nullopt with *error set when the step failed; CatalogWrites{} when not batched, where
    // nothing is counted (and refresh() is not told).
    std::optional<CatalogWrites> run(const QString &sql, QString *error)
    {
        if (!Batched) {
            if (const auto failed = m_connection.execute(sql)) {
                *error = failed->toString();
                return std::nullopt;
            }
            return CatalogWrites{};
        }
        PlanStep step;
        const QString to = u"step%1"_s.arg(++m_steps);
        step.revision = to;
        step.versionOps = {m_steps == 1 ? VersionOp{VersionOp::Kind::Insert, {}, to}
                                        : VersionOp{VersionOp::Kind::Update, u"step%1"_s.arg(m_steps - 1), to}};
        step.headsAfter = {to};
        StepScript script;
        script.statements = {SqlStatement{sql, 1}};
        if (!BatchedStep::suits(script, m_connection.dialect().kind())) {
            *error = u"a batch cannot run: "_s + sql;
            return std::nullopt;
        }
        VersionTable versions(m_connection);
        const BatchedStep::Outcome outcome = BatchedStep::run(m_connection, versions, step, script, m_steps == 1);
        if (!outcome.applied) {
            *error = u"the batch was rolled back: "_s + sql;
            return std::nullopt;
        }
        return outcome.writes;
    }

    // What refresh() is told after the step: the counts, when batched.
    static std::optional<CatalogWrites> told(const std::optional<CatalogWrites> &writes)
    {
        return Batched ? writes : std::nullopt;
    }

private:
    Connection &m_connection;
    int m_steps = 0;
};

QByteArray jsonText(const DbResult<Schema> &schema)
{
    return schema ? QJsonDocument(SchemaJson::toJson(*schema)).toJson(QJsonDocument::Compact)
                  : "error: " + schema.error().toString().toUtf8();
}

QByteArray schemaText(Connection &connection)
{
    return jsonText(readSchema(connection));
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
            row("enum type", u"CREATE TYPE colour AS ENUM ('red', 'green')"_s, true);
            row("enum type without labels", u"CREATE TYPE nothing AS ENUM ()"_s, true);
            row("table of a new enum type", u"CREATE TABLE paint (c colour_of_paint)"_s, true);
            row("sequence", u"CREATE SEQUENCE s2"_s, true);
            row("sequence owner", u"ALTER SEQUENCE s1 OWNED BY t.code"_s, true);
            row("sequence increment", u"ALTER SEQUENCE s1 INCREMENT BY 5"_s, true);
            row("schema", u"CREATE SCHEMA other"_s, false); // an empty schema: a new stamp is fine too
            row("nextval", u"SELECT nextval('s1')"_s, false);
            // What one table's change does to the text of others: the tracker reads those too.
            row("rename referenced table", u"ALTER TABLE t RENAME TO t_renamed"_s, true);
            row("rename referenced column", u"ALTER TABLE t RENAME COLUMN id TO t_key"_s, true);
            row("drop referenced table", u"DROP TABLE t CASCADE"_s, true);
            row("rename row type", u"ALTER TABLE item RENAME TO thing"_s, true);
            row("rename index", u"ALTER INDEX t_old RENAME TO t_code_index"_s, true);
            row("rename sequence", u"ALTER SEQUENCE s1 RENAME TO s1_renamed"_s, true);
            row("rename enum type", u"ALTER TYPE mood RENAME TO feeling"_s, true);
            row("rename schema", u"ALTER SCHEMA extra RENAME TO extra_renamed"_s, true);
            row("serial column", u"ALTER TABLE old ADD COLUMN n SERIAL"_s, true);
            row("identity column", u"ALTER TABLE old ADD COLUMN g INTEGER GENERATED ALWAYS AS IDENTITY"_s, true);
            row("unique constraint", u"ALTER TABLE t ADD CONSTRAINT t_name_key UNIQUE (name)"_s, true);
            row("drop column", u"ALTER TABLE t DROP COLUMN code CASCADE"_s, true);
            row("function", u"CREATE FUNCTION answer() RETURNS integer LANGUAGE sql AS 'SELECT 42'"_s, false);
            row("materialized view", u"CREATE MATERIALIZED VIEW mv AS SELECT id FROM t"_s, true);
            row("partitioned table", u"CREATE TABLE events (id INTEGER, at DATE) PARTITION BY RANGE (at)"_s, true);
            row("grant", u"GRANT SELECT ON t TO PUBLIC"_s, false);
            // Catalog rows that go without their relation's row changing.
            row("drop foreign key", u"ALTER TABLE child DROP CONSTRAINT child_t_id_fkey"_s, true);
            row("drop check constraint", u"ALTER TABLE old DROP CONSTRAINT old_id_positive"_s, true);
            row("drop unique constraint", u"ALTER TABLE old DROP CONSTRAINT old_t_id_key"_s, true);
            row("sequence owned by none", u"ALTER SEQUENCE s3 OWNED BY NONE"_s, true);
            row("rename constraint", u"ALTER TABLE child RENAME CONSTRAINT child_t_id_fkey TO child_parent"_s, true);
            row("widen varchar", u"ALTER TABLE t ALTER COLUMN name TYPE VARCHAR(80)"_s, true);
            row("drop view", u"DROP VIEW v"_s, true);
            row("unique index", u"CREATE UNIQUE INDEX old_t_id ON old (t_id)"_s, true);
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
        setup << u"CREATE TABLE child (id INTEGER PRIMARY KEY, t_id INTEGER REFERENCES t (id))"_s;
        if (pg)
            setup << u"CREATE TYPE mood AS ENUM ('happy')"_s << u"CREATE SEQUENCE s1"_s
                  << u"ALTER TABLE child ADD COLUMN counter INTEGER DEFAULT nextval('s1')"_s
                  << u"CREATE TABLE item (id INTEGER)"_s
                  << u"CREATE TABLE holder (id INTEGER, item item, moods mood[])"_s << u"CREATE SCHEMA extra"_s
                  << u"CREATE TABLE extra.x (id INTEGER PRIMARY KEY, t_id INTEGER REFERENCES public.t (id))"_s
                  << u"ALTER TABLE old ADD CONSTRAINT old_id_positive CHECK (id > 0)"_s
                  << u"ALTER TABLE old ADD CONSTRAINT old_t_id_key UNIQUE (t_id)"_s
                  << u"CREATE SEQUENCE s3 OWNED BY old.id"_s << u"CREATE TYPE colour_of_paint AS ENUM ('blue')"_s;
        QString failure;
        BuiltDatabase db = buildDatabase(Backend, setup, &failure);
        QVERIFY2(db.connection, qPrintable(failure));
        StepRunner steps(*db.connection);
        // The first batch makes the version table: not part of the change looked at.
        QVERIFY2(steps.run(u"SELECT 1"_s, &failure), qPrintable(failure));
        const DbResult<QString> before = catalogStamp(*db.connection);
        QVERIFY2(before, before ? "" : qPrintable(before.error().toString()));
        const QByteArray schemaBefore = schemaText(*db.connection);
        SchemaTracker tracker;
        bool changed = true;
        QCOMPARE(jsonText(tracker.refresh(*db.connection, {}, &changed)), schemaBefore);

        const std::optional<CatalogWrites> writes = steps.run(statement, &failure);
        QVERIFY2(writes, qPrintable(failure));
        const DbResult<QString> after = catalogStamp(*db.connection);
        QVERIFY(after);
        const bool schemaMoved = schemaText(*db.connection) != schemaBefore;
        // A replay skips the catalog after a step that wrote none of it, as data statements do.
        if (Batched && !writes->any())
            QVERIFY2(!schemaMoved, "the schema moved but the step wrote no catalog row the tracker follows");
        if (Batched && isDataStatement(statement, SqlDialect::PostgreSql))
            QVERIFY2(!writes->any(), "a data statement counted catalog rows");
        // The one thing that must never happen: the schema moved and the stamp did not.
        if (schemaMoved)
            QVERIFY2(*after != *before, qPrintable(u"stamp stayed at "_s + *before));
        if (changesSchema)
            QVERIFY2(schemaMoved, "the statement was expected to change what the reader reports");
        else if (!statement.startsWith(u"CREATE SCHEMA"_s) && !statement.startsWith(u"CREATE FUNCTION"_s)
                 && !statement.startsWith(u"GRANT"_s))
            QCOMPARE(*after, *before);

        // The tracker read again only what it thought moved, and got what a full read gets.
        const QByteArray full = schemaText(*db.connection);
        QCOMPARE(jsonText(tracker.refresh(*db.connection, {}, &changed, StepRunner::told(writes))), full);
        if (schemaMoved)
            QVERIFY2(changed, "the tracker said nothing changed");
        QCOMPARE(jsonText(tracker.refresh(*db.connection, {}, &changed, StepRunner::told(CatalogWrites{}))), full);
        QVERIFY2(!changed, "a second refresh with nothing done read again");
    }

    // One tracker through many steps, as a replay uses it: after each step it reads what the
    // step changed (and only then), and its schema is what a full read gives.
    void trackerFollowsManySteps()
    {
        const bool pg = Backend == u"postgresql";
        QString failure;
        BuiltDatabase db =
            buildDatabase(Backend, {u"CREATE TABLE a (id INTEGER PRIMARY KEY, name VARCHAR(20))"_s}, &failure);
        QVERIFY2(db.connection, qPrintable(failure));
        QStringList steps{u"CREATE TABLE b (id INTEGER PRIMARY KEY, a_id INTEGER REFERENCES a (id))"_s,
                          u"INSERT INTO a (id, name) VALUES (1, 'x')"_s,
                          u"CREATE INDEX b_a ON b (a_id)"_s,
                          u"ALTER TABLE a ADD COLUMN code INTEGER"_s,
                          u"DROP INDEX b_a"_s,
                          u"CREATE VIEW v AS SELECT id FROM a"_s,
                          u"DROP TABLE b"_s};
        if (pg)
            steps << u"CREATE TABLE c (id INTEGER PRIMARY KEY, a_id INTEGER CONSTRAINT c_a REFERENCES a (id))"_s
                  << u"ALTER TABLE c DROP CONSTRAINT c_a"_s << u"ALTER TABLE a ALTER COLUMN code SET DEFAULT 7"_s
                  << u"ALTER TABLE a ALTER COLUMN code DROP DEFAULT"_s << u"CREATE SEQUENCE n OWNED BY c.id"_s
                  << u"ALTER SEQUENCE n OWNED BY NONE"_s << u"ALTER TABLE c RENAME TO d"_s;
        StepRunner runner(*db.connection);
        QVERIFY2(runner.run(u"SELECT 1"_s, &failure), qPrintable(failure));
        SchemaTracker tracker;
        bool changed = false;
        QCOMPARE(jsonText(tracker.refresh(*db.connection, {}, &changed)), schemaText(*db.connection));
        for (const QString &step : std::as_const(steps)) {
            const QByteArray before = schemaText(*db.connection);
            const std::optional<CatalogWrites> writes = runner.run(step, &failure);
            QVERIFY2(writes, qPrintable(failure));
            const QByteArray full = schemaText(*db.connection);
            QVERIFY2(jsonText(tracker.refresh(*db.connection, {}, &changed, StepRunner::told(writes))) == full,
                     qPrintable(step));
            QVERIFY2(changed == (full != before), qPrintable(step));
            QVERIFY2(jsonText(tracker.refresh(*db.connection, {}, &changed, StepRunner::told(CatalogWrites{}))) == full,
                     qPrintable(step));
            QVERIFY2(!changed, qPrintable(u"read again with nothing done after: "_s + step));
        }
    }

    // A step of data statements needs no catalog read only while no function of the database's
    // could run DDL from a trigger.
    void dataStepsKeepTheSchemaWithoutFunctions()
    {
        QString failure;
        BuiltDatabase db = buildDatabase(Backend, {u"CREATE TABLE t (id INTEGER PRIMARY KEY)"_s}, &failure);
        QVERIFY2(db.connection, qPrintable(failure));
        StepRunner runner(*db.connection);
        QVERIFY2(runner.run(u"SELECT 1"_s, &failure), qPrintable(failure));
        SchemaTracker tracker;
        QVERIFY(!tracker.dataStepsKeepSchema()); // nothing read yet
        QVERIFY(tracker.refresh(*db.connection, {}));
        QVERIFY(tracker.dataStepsKeepSchema());
        if (Backend != u"postgresql")
            return;
        for (const QString &sql :
             {u"CREATE FUNCTION add_table() RETURNS trigger LANGUAGE plpgsql AS "
              "$$ BEGIN EXECUTE 'CREATE TABLE made_by_trigger (id integer)'; RETURN NEW; END $$"_s,
              u"CREATE TRIGGER t_insert AFTER INSERT ON t FOR EACH ROW EXECUTE FUNCTION add_table()"_s}) {
            if (const auto error = db.connection->execute(sql))
                QFAIL(qPrintable(error->toString()));
        }
        QVERIFY(tracker.refresh(*db.connection, {}));
        QVERIFY(!tracker.dataStepsKeepSchema());
        // And that is why: an INSERT made a table. Batched, the rows it wrote say so.
        const std::optional<CatalogWrites> writes = runner.run(u"INSERT INTO t (id) VALUES (1)"_s, &failure);
        QVERIFY2(writes, qPrintable(failure));
        if (Batched)
            QVERIFY(writes->any());
        const DbResult<Schema> after = tracker.refresh(*db.connection, {}, nullptr, StepRunner::told(writes));
        QVERIFY(after);
        QVERIFY(after->table(u"public"_s, u"made_by_trigger"_s));
    }
};

QTEST_GUILESS_MAIN(TestCatalogStamp)
#include "tst_catalogstamp.moc"
