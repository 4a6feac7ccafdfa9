#include "lint/LintRules.h"
#include "lint/SqlLint.h"

#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace retort;

namespace {

const SqlDialect pg = SqlDialect::PostgreSql;
const SqlDialect lite = SqlDialect::Sqlite;

struct Case
{
    const char *name;
    SqlDialect dialect;
    QString sql;
    bool fires;
    bool transactional = true;
    int postgresVersion = 15;
};

} // namespace

Q_DECLARE_METATYPE(retort::SqlDialect)

class TestLintRules : public QObject
{
    Q_OBJECT

private:
    static void rule(const QString &id, const QList<Case> &cases)
    {
        for (const Case &c : cases)
            QTest::addRow("%s: %s", qPrintable(id), c.name)
                << id << c.dialect << c.sql << c.transactional << c.postgresVersion << c.fires;
    }

private slots:
    void fires_data()
    {
        QTest::addColumn<QString>("rule");
        QTest::addColumn<SqlDialect>("dialect");
        QTest::addColumn<QString>("sql");
        QTest::addColumn<bool>("transactional");
        QTest::addColumn<int>("postgresVersion");
        QTest::addColumn<bool>("fires");

        rule(u"ban-drop-table"_s,
             {
                 {"plain", pg, u"DROP TABLE users"_s, true},
                 {"if exists, sqlite", lite, u"drop table if exists users"_s, true},
                 {"second of a list", pg, u"CREATE TABLE tmp (a int); DROP TABLE tmp, users"_s, true},
                 {"table made in the step", pg, u"CREATE TABLE tmp (a int); DROP TABLE tmp"_s, false},
                 {"drop view", pg, u"DROP VIEW users"_s, false},
                 {"in a string", pg, u"SELECT 'DROP TABLE users'"_s, false},
                 {"in a comment", lite, u"-- DROP TABLE users\nSELECT 1"_s, false},
             });
        rule(u"ban-drop-column"_s,
             {
                 {"drop column", pg, u"ALTER TABLE users DROP COLUMN email"_s, true},
                 {"without the word column", lite, u"ALTER TABLE users DROP email"_s, true},
                 {"second action", pg, u"ALTER TABLE users ADD COLUMN a int, DROP COLUMN IF EXISTS b"_s, true},
                 {"drop constraint", pg, u"ALTER TABLE users DROP CONSTRAINT uq"_s, false},
                 {"drop default", pg, u"ALTER TABLE users ALTER COLUMN a DROP DEFAULT"_s, false},
                 {"new table", pg, u"CREATE TABLE t (a int, b int); ALTER TABLE t DROP COLUMN b"_s, false},
             });
        rule(u"ban-drop-database"_s,
             {
                 {"plain", pg, u"DROP DATABASE app"_s, true},
                 {"if exists", pg, u"drop database if exists app"_s, true},
                 {"quoted", pg, u"DROP DATABASE \"App\""_s, true},
                 {"create database", pg, u"CREATE DATABASE app"_s, false},
                 {"drop schema", pg, u"DROP SCHEMA app"_s, false},
                 {"quoted name", pg, u"SELECT \"DROP DATABASE\" FROM t"_s, false},
             });
        rule(u"ban-drop-schema"_s,
             {
                 {"plain", pg, u"DROP SCHEMA audit"_s, true},
                 {"cascade", pg, u"DROP SCHEMA audit CASCADE"_s, true},
                 {"if exists", pg, u"DROP SCHEMA IF EXISTS audit"_s, true},
                 {"create schema", pg, u"CREATE SCHEMA audit"_s, false},
                 {"drop table in schema", pg, u"DROP TABLE audit.log"_s, false},
                 {"comment", pg, u"/* DROP SCHEMA audit */ SELECT 1"_s, false},
             });
        rule(u"ban-truncate"_s,
             {
                 {"truncate", pg, u"TRUNCATE users"_s, true},
                 {"truncate table", pg, u"TRUNCATE TABLE users RESTART IDENTITY"_s, true},
                 {"truncate only", pg, u"truncate only users"_s, true},
                 {"cascade has its own rule", pg, u"TRUNCATE users CASCADE"_s, false},
                 {"delete with where", pg, u"DELETE FROM users WHERE id = 1"_s, false},
                 {"in a string", pg, u"SELECT 'TRUNCATE users'"_s, false},
             });
        rule(u"ban-truncate-cascade"_s,
             {
                 {"cascade", pg, u"TRUNCATE users CASCADE"_s, true},
                 {"table cascade", pg, u"TRUNCATE TABLE users CASCADE"_s, true},
                 {"restart identity cascade", pg, u"TRUNCATE users RESTART IDENTITY CASCADE"_s, true},
                 {"restrict", pg, u"TRUNCATE users RESTRICT"_s, false},
                 {"plain", pg, u"TRUNCATE users"_s, false},
                 {"drop type cascade", pg, u"DROP TYPE mood CASCADE"_s, false},
             });
        rule(u"delete-without-where"_s,
             {
                 {"plain", pg, u"DELETE FROM users"_s, true},
                 {"sqlite", lite, u"delete from users"_s, true},
                 {"where only in a subquery", pg, u"DELETE FROM users RETURNING (SELECT 1 FROM t WHERE x)"_s, true},
                 {"with where", pg, u"DELETE FROM users WHERE id = 1"_s, false},
                 {"new table", pg, u"CREATE TABLE t (a int); DELETE FROM t"_s, false},
                 {"where in a comment does not count but statement has one", lite,
                  u"DELETE FROM t -- all\nWHERE a = 1"_s, false},
             });
        rule(u"update-without-where"_s,
             {
                 {"plain", pg, u"UPDATE users SET active = false"_s, true},
                 {"sqlite", lite, u"update users set a = 1"_s, true},
                 {"where in a string", pg, u"UPDATE t SET note = 'WHERE'"_s, true},
                 {"with where", pg, u"UPDATE users SET a = 1 WHERE id = 2"_s, false},
                 {"new table", pg, u"CREATE TABLE t (a int); UPDATE t SET a = 1"_s, false},
                 {"select", pg, u"SELECT * FROM users"_s, false},
             });
        rule(u"changing-column-type"_s,
             {
                 {"type", pg, u"ALTER TABLE users ALTER COLUMN age TYPE bigint"_s, true},
                 {"set data type", pg, u"ALTER TABLE users ALTER age SET DATA TYPE text"_s, true},
                 {"second action", pg, u"ALTER TABLE users ADD COLUMN a int, ALTER COLUMN b TYPE int"_s, true},
                 {"new table", pg, u"CREATE TABLE t (a int); ALTER TABLE t ALTER COLUMN a TYPE bigint"_s, false},
                 {"set default", pg, u"ALTER TABLE users ALTER COLUMN a SET DEFAULT 1"_s, false},
                 {"add column named type", pg, u"ALTER TABLE users ADD COLUMN type text"_s, false},
             });
        rule(u"ban-drop-not-null"_s,
             {
                 {"plain", pg, u"ALTER TABLE users ALTER COLUMN email DROP NOT NULL"_s, true},
                 {"without column", pg, u"ALTER TABLE users ALTER email DROP NOT NULL"_s, true},
                 {"quoted", pg, u"ALTER TABLE \"Users\" ALTER COLUMN \"Email\" DROP NOT NULL"_s, true},
                 {"set not null", pg, u"ALTER TABLE users ALTER COLUMN email SET NOT NULL"_s, false},
                 {"drop default", pg, u"ALTER TABLE users ALTER COLUMN email DROP DEFAULT"_s, false},
                 {"new table", pg, u"CREATE TABLE t (a int NOT NULL); ALTER TABLE t ALTER a DROP NOT NULL"_s, false},
             });
        rule(u"drop-column-default"_s,
             {
                 {"plain", pg, u"ALTER TABLE users ALTER COLUMN active DROP DEFAULT"_s, true},
                 {"without column", pg, u"ALTER TABLE users ALTER active DROP DEFAULT"_s, true},
                 {"schema-qualified", pg, u"ALTER TABLE app.users ALTER COLUMN active DROP DEFAULT"_s, true},
                 {"set default", pg, u"ALTER TABLE users ALTER COLUMN active SET DEFAULT true"_s, false},
                 {"drop not null", pg, u"ALTER TABLE users ALTER COLUMN active DROP NOT NULL"_s, false},
                 {"new table", pg, u"CREATE TABLE t (a int DEFAULT 1); ALTER TABLE t ALTER a DROP DEFAULT"_s, false},
             });
        rule(u"require-concurrent-index-creation"_s,
             {
                 {"plain", pg, u"CREATE INDEX ix_email ON users (email)"_s, true},
                 {"unique", pg, u"CREATE UNIQUE INDEX ix_email ON users (email)"_s, true},
                 {"unnamed if not exists", pg, u"CREATE INDEX IF NOT EXISTS ix ON ONLY app.users (email)"_s, true},
                 {"concurrently", pg, u"CREATE INDEX CONCURRENTLY ix_email ON users (email)"_s, false, false},
                 {"new table", pg, u"CREATE TABLE t (a int); CREATE INDEX ix_a ON t (a)"_s, false},
                 {"sqlite has no such lock", lite, u"CREATE INDEX ix_email ON users (email)"_s, false},
             });
        rule(u"require-concurrent-index-deletion"_s,
             {
                 {"plain", pg, u"DROP INDEX ix_email"_s, true},
                 {"if exists", pg, u"DROP INDEX IF EXISTS ix_email"_s, true},
                 {"schema-qualified", pg, u"DROP INDEX app.ix_email"_s, true},
                 {"concurrently", pg, u"DROP INDEX CONCURRENTLY ix_email"_s, false, false},
                 {"index made in the step", pg, u"CREATE TABLE t (a int); CREATE INDEX ix ON t (a); DROP INDEX ix"_s,
                  false},
                 {"sqlite", lite, u"DROP INDEX ix_email"_s, false},
             });
        rule(u"adding-foreign-key-constraint"_s,
             {
                 {"add foreign key", pg, u"ALTER TABLE a ADD FOREIGN KEY (b_id) REFERENCES b (id)"_s, true},
                 {"named", pg, u"ALTER TABLE a ADD CONSTRAINT fk_b FOREIGN KEY (b_id) REFERENCES b (id)"_s, true},
                 {"column with references", pg, u"ALTER TABLE a ADD COLUMN b_id int REFERENCES b (id)"_s, true},
                 {"not valid", pg, u"ALTER TABLE a ADD CONSTRAINT fk FOREIGN KEY (b_id) REFERENCES b (id) NOT VALID"_s,
                  false},
                 {"new table", pg,
                  u"CREATE TABLE a (b_id int); ALTER TABLE a ADD FOREIGN KEY (b_id) REFERENCES b (id)"_s, false},
                 {"validate", pg, u"ALTER TABLE a VALIDATE CONSTRAINT fk_b"_s, false},
             });
        rule(u"constraint-missing-not-valid"_s,
             {
                 {"check", pg, u"ALTER TABLE a ADD CONSTRAINT positive CHECK (n > 0)"_s, true},
                 {"unnamed check", pg, u"ALTER TABLE a ADD CHECK (n > 0)"_s, true},
                 {"second action", pg, u"ALTER TABLE a ADD COLUMN x int, ADD CHECK (x > 0)"_s, true},
                 {"not valid", pg, u"ALTER TABLE a ADD CONSTRAINT positive CHECK (n > 0) NOT VALID"_s, false},
                 {"new table", pg, u"CREATE TABLE a (n int); ALTER TABLE a ADD CHECK (n > 0)"_s, false},
                 {"foreign key has its own rule", pg, u"ALTER TABLE a ADD FOREIGN KEY (b) REFERENCES b (id)"_s, false},
             });
        rule(
            u"adding-required-field"_s,
            {
                {"not null", pg, u"ALTER TABLE users ADD COLUMN age int NOT NULL"_s, true},
                {"without column", pg, u"ALTER TABLE users ADD age int NOT NULL"_s, true},
                {"not null before check", pg, u"ALTER TABLE users ADD COLUMN age int NOT NULL CHECK (age > 0)"_s, true},
                {"with default", pg, u"ALTER TABLE users ADD COLUMN age int NOT NULL DEFAULT 0"_s, false},
                {"nullable", pg, u"ALTER TABLE users ADD COLUMN age int"_s, false},
                {"generated", pg, u"ALTER TABLE users ADD COLUMN n int NOT NULL GENERATED ALWAYS AS (a + 1) STORED"_s,
                 false},
            });
        rule(
            u"adding-not-nullable-field"_s,
            {
                {"set not null", pg, u"ALTER TABLE users ALTER COLUMN email SET NOT NULL"_s, true},
                {"without column", pg, u"ALTER TABLE users ALTER email SET NOT NULL"_s, true},
                {"second action", pg, u"ALTER TABLE users ADD COLUMN a int, ALTER COLUMN b SET NOT NULL"_s, true},
                {"drop not null", pg, u"ALTER TABLE users ALTER COLUMN email DROP NOT NULL"_s, false},
                {"new table", pg, u"CREATE TABLE t (a int); ALTER TABLE t ALTER COLUMN a SET NOT NULL"_s, false},
                {"add not null column with default", pg, u"ALTER TABLE t ADD COLUMN a int NOT NULL DEFAULT 1"_s, false},
            });
        rule(u"adding-field-with-default"_s,
             {
                 {"volatile default", pg, u"ALTER TABLE t ADD COLUMN id uuid DEFAULT gen_random_uuid()"_s, true},
                 {"serial", pg, u"ALTER TABLE t ADD COLUMN n bigserial"_s, true},
                 {"constant default before 11", pg, u"ALTER TABLE t ADD COLUMN a int DEFAULT 0"_s, true, true, 10},
                 {"constant default from 11", pg, u"ALTER TABLE t ADD COLUMN a int DEFAULT 0"_s, false, true, 11},
                 {"now() is stable", pg, u"ALTER TABLE t ADD COLUMN at timestamptz DEFAULT now()"_s, false},
                 {"new table", pg,
                  u"CREATE TABLE t (a int); ALTER TABLE t ADD COLUMN b uuid DEFAULT gen_random_uuid()"_s, false},
             });
        rule(u"disallowed-unique-constraint"_s,
             {
                 {"unique", pg, u"ALTER TABLE users ADD CONSTRAINT uq_email UNIQUE (email)"_s, true},
                 {"unnamed", pg, u"ALTER TABLE users ADD UNIQUE (email)"_s, true},
                 {"unique column", pg, u"ALTER TABLE users ADD COLUMN code text UNIQUE"_s, true},
                 {"using index", pg, u"ALTER TABLE users ADD CONSTRAINT uq_email UNIQUE USING INDEX ix_email"_s, false},
                 {"new table", pg, u"CREATE TABLE t (a int); ALTER TABLE t ADD UNIQUE (a)"_s, false},
                 {"unique index concurrently", pg, u"CREATE UNIQUE INDEX CONCURRENTLY ix ON users (email)"_s, false,
                  false},
             });
        rule(u"renaming-column"_s,
             {
                 {"rename column", pg, u"ALTER TABLE users RENAME COLUMN email TO mail"_s, true},
                 {"without column", pg, u"ALTER TABLE users RENAME email TO mail"_s, true},
                 {"sqlite", lite, u"ALTER TABLE users RENAME COLUMN email TO mail"_s, true},
                 {"rename table", pg, u"ALTER TABLE users RENAME TO people"_s, false},
                 {"rename constraint", pg, u"ALTER TABLE users RENAME CONSTRAINT a TO b"_s, false},
                 {"new table", pg, u"CREATE TABLE t (a int); ALTER TABLE t RENAME COLUMN a TO b"_s, false},
             });
        rule(u"renaming-table"_s,
             {
                 {"rename", pg, u"ALTER TABLE users RENAME TO people"_s, true},
                 {"sqlite", lite, u"ALTER TABLE users RENAME TO people"_s, true},
                 {"if exists", pg, u"ALTER TABLE IF EXISTS users RENAME TO people"_s, true},
                 {"rename column", pg, u"ALTER TABLE users RENAME COLUMN a TO b"_s, false},
                 {"new table", pg, u"CREATE TABLE t (a int); ALTER TABLE t RENAME TO u"_s, false},
                 {"alter index rename", pg, u"ALTER INDEX ix RENAME TO ix2"_s, false},
             });
        rule(u"require-timeout-settings"_s,
             {
                 {"alter table", pg, u"ALTER TABLE users ADD COLUMN a int"_s, true},
                 {"drop table", pg, u"DROP TABLE users"_s, true},
                 {"timeout after the lock", pg, u"ALTER TABLE users ADD COLUMN a int; SET lock_timeout = '1s'"_s, true},
                 {"timeout first", pg, u"SET lock_timeout = '2s'; ALTER TABLE users ADD COLUMN a int"_s, false},
                 {"set local", pg, u"SET LOCAL lock_timeout TO '2s'; DROP TABLE users"_s, false},
                 {"new table", pg, u"CREATE TABLE t (a int); ALTER TABLE t ADD COLUMN b int"_s, false},
                 {"sqlite", lite, u"ALTER TABLE users ADD COLUMN a int"_s, false},
             });
        rule(u"ban-concurrent-index-creation-in-transaction"_s,
             {
                 {"create", pg, u"CREATE INDEX CONCURRENTLY ix ON users (email)"_s, true},
                 {"drop", pg, u"DROP INDEX CONCURRENTLY ix"_s, true},
                 {"reindex", pg, u"REINDEX INDEX CONCURRENTLY ix"_s, true},
                 {"not transactional", pg, u"CREATE INDEX CONCURRENTLY ix ON users (email)"_s, false, false},
                 {"plain index", pg, u"CREATE INDEX ix ON users (email)"_s, false},
                 {"word in a string", pg, u"SELECT 'CREATE INDEX CONCURRENTLY'"_s, false},
             });
        rule(
            u"transaction-nesting"_s,
            {
                {"commit", pg, u"CREATE TABLE t (a int); COMMIT"_s, true},
                {"begin", lite, u"BEGIN; CREATE TABLE t (a int)"_s, true},
                {"rollback", pg, u"ROLLBACK"_s, true},
                {"not transactional", pg, u"COMMIT"_s, false, false},
                {"rollback to savepoint", pg, u"SAVEPOINT s; ROLLBACK TO SAVEPOINT s"_s, false},
                {"trigger body", lite,
                 u"CREATE TRIGGER tr AFTER INSERT ON t BEGIN UPDATE t SET a = 1 WHERE rowid = new.rowid; END"_s, false},
            });
        rule(u"sqlite-unsupported-alter"_s,
             {
                 {"alter column", lite, u"ALTER TABLE t ALTER COLUMN a TYPE text"_s, true},
                 {"add constraint", lite, u"ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0)"_s, true},
                 {"two actions", lite, u"ALTER TABLE t ADD COLUMN a int, ADD COLUMN b int"_s, true},
                 {"not null without default", lite, u"ALTER TABLE t ADD COLUMN a int NOT NULL"_s, true},
                 {"non-constant default", lite, u"ALTER TABLE t ADD COLUMN at text DEFAULT CURRENT_TIMESTAMP"_s, true},
                 {"add column", lite, u"ALTER TABLE t ADD COLUMN a int NOT NULL DEFAULT 0"_s, false},
                 {"rename column", lite, u"ALTER TABLE t RENAME COLUMN a TO b"_s, false},
                 {"drop column", lite, u"ALTER TABLE t DROP COLUMN a"_s, false},
                 {"postgresql rules", pg, u"ALTER TABLE t ALTER COLUMN a TYPE text"_s, false},
             });
    }

    void fires()
    {
        QFETCH(QString, rule);
        QFETCH(SqlDialect, dialect);
        QFETCH(QString, sql);
        QFETCH(bool, transactional);
        QFETCH(int, postgresVersion);
        QFETCH(bool, fires);
        QVERIFY2(lintRule(rule), qPrintable(rule));

        StepLintState state;
        state.dialect = dialect;
        state.transactional = transactional;
        state.postgresVersion = postgresVersion;
        const LintFindings findings = lintSql(sql, 1, state);
        QStringList seen;
        bool fired = false;
        for (const LintFinding &finding : findings) {
            seen << finding.rule;
            if (finding.rule == rule) {
                fired = true;
                QVERIFY(!finding.message.isEmpty());
                QVERIFY(!finding.advice.isEmpty());
                QCOMPARE(finding.severity, lintRule(rule)->severity);
            }
        }
        QVERIFY2(fired == fires, qPrintable(u"found: "_s + seen.join(u", "_s)));
    }

    // Every rule the statement checks has a data table above (the history rules have theirs).
    void everyRuleHasCases()
    {
        QVERIFY(lintRules().size() >= 25);
        QSet<QString> ids;
        for (const LintRule &rule : lintRules()) {
            QVERIFY2(!ids.contains(rule.id), qPrintable(rule.id));
            ids.insert(rule.id);
            QVERIFY(!rule.advice.isEmpty());
        }
    }

    void findingsNameTheirLine()
    {
        StepLintState state;
        const LintFindings findings =
            lintSql(u"CREATE TABLE t (a int);\n\nSET lock_timeout = '1s';\nDROP TABLE users;\n"_s, 10, state);
        QCOMPARE(findings.size(), 1);
        QCOMPARE(findings.first().rule, u"ban-drop-table"_s);
        QCOMPARE(findings.first().line, 13);
        QCOMPARE(findings.first().statement, u"DROP TABLE users"_s);
    }
};

QTEST_GUILESS_MAIN(TestLintRules)
#include "tst_lintrules.moc"
