#include "db/DestructiveStatement.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace retort;

Q_DECLARE_METATYPE(retort::SqlDialect)

class TestDestructiveStatement : public QObject
{
    Q_OBJECT

private:
    static void both(const char *name, const QString &statement, const QString &reason)
    {
        QTest::addRow("%s (postgresql)", name) << SqlDialect::PostgreSql << statement << reason;
        QTest::addRow("%s (sqlite)", name) << SqlDialect::Sqlite << statement << reason;
    }

private slots:
    void reason_data()
    {
        QTest::addColumn<SqlDialect>("dialect");
        QTest::addColumn<QString>("statement");
        QTest::addColumn<QString>("reason"); // empty: safe

        // Dropping things that hold data.
        both("drop table", u"DROP TABLE users"_s, u"DROP TABLE"_s);
        both("drop table if exists", u"drop table if exists users"_s, u"DROP TABLE"_s);
        both("drop index", u"DROP INDEX ix_users_email"_s, u"DROP INDEX"_s);
        both("drop index concurrently", u"DROP INDEX CONCURRENTLY ix"_s, u"DROP INDEX"_s);
        both("drop schema", u"DROP SCHEMA audit CASCADE"_s, u"DROP SCHEMA"_s);
        both("drop database", u"DROP DATABASE app"_s, u"DROP DATABASE"_s);
        both("drop sequence", u"DROP SEQUENCE users_id_seq"_s, u"DROP SEQUENCE"_s);
        both("drop owned", u"DROP OWNED BY app_user"_s, u"DROP OWNED"_s);
        both("drop type cascade", u"DROP TYPE mood CASCADE"_s, u"DROP ... CASCADE"_s);
        both("drop view", u"DROP VIEW active_users"_s, QString());
        both("drop view restrict", u"DROP VIEW v RESTRICT"_s, QString());
        both("drop trigger", u"DROP TRIGGER tr ON t"_s, QString());
        both("drop function", u"DROP FUNCTION f(int)"_s, QString());
        both("comment before drop", u"/* cleanup */ -- now\nDROP TABLE t"_s, u"DROP TABLE"_s);

        // Emptying tables.
        both("truncate", u"TRUNCATE users"_s, u"TRUNCATE"_s);
        both("truncate table", u"truncate table users restart identity"_s, u"TRUNCATE"_s);
        both("delete without where", u"DELETE FROM users"_s, u"DELETE without WHERE"_s);
        both("delete with where", u"DELETE FROM users WHERE id = 1"_s, QString());
        both("delete where in subquery only", u"DELETE FROM users RETURNING (SELECT 1 FROM t WHERE x)"_s,
             u"DELETE without WHERE"_s);
        both("delete with where after subquery", u"DELETE FROM users WHERE id IN (SELECT id FROM old)"_s, QString());
        both("update without where", u"UPDATE users SET active = false"_s, u"UPDATE without WHERE"_s);
        both("update with where", u"update users set active = false where id = 3"_s, QString());
        both("update with where only in subquery", u"UPDATE t SET a = (SELECT b FROM u WHERE u.id = 1)"_s,
             u"UPDATE without WHERE"_s);
        both("with then delete", u"WITH old AS (SELECT id FROM t WHERE x) DELETE FROM t"_s, u"DELETE without WHERE"_s);
        both("with then delete where",
             u"WITH old AS (SELECT id FROM t) DELETE FROM t WHERE id IN (SELECT id FROM old)"_s, QString());
        both("with then select", u"WITH d AS (SELECT 1) SELECT * FROM d"_s, QString());
        both("where in a string", u"DELETE FROM t -- WHERE x\n"_s, u"DELETE without WHERE"_s);
        both("where as a quoted name", u"UPDATE t SET \"where\" = 1"_s, u"UPDATE without WHERE"_s);
        both("where in a string literal", u"UPDATE t SET note = 'WHERE'"_s, u"UPDATE without WHERE"_s);

        // ALTER TABLE.
        both("drop column", u"ALTER TABLE users DROP COLUMN email"_s, u"ALTER TABLE ... DROP COLUMN"_s);
        both("drop column if exists", u"ALTER TABLE users DROP COLUMN IF EXISTS email"_s,
             u"ALTER TABLE ... DROP COLUMN"_s);
        both("drop column without the word", u"ALTER TABLE users DROP email"_s, u"ALTER TABLE ... DROP COLUMN"_s);
        both("drop constraint", u"ALTER TABLE users DROP CONSTRAINT uq_email"_s, u"ALTER TABLE ... DROP CONSTRAINT"_s);
        both("add then drop column", u"ALTER TABLE t ADD COLUMN a int, DROP CONSTRAINT c, DROP COLUMN b"_s,
             u"ALTER TABLE ... DROP COLUMN"_s);
        both("drop default", u"ALTER TABLE t ALTER COLUMN a DROP DEFAULT"_s, QString());
        both("drop not null", u"ALTER TABLE t ALTER COLUMN a DROP NOT NULL"_s, QString());
        both("drop identity", u"ALTER TABLE t ALTER COLUMN a DROP IDENTITY IF EXISTS"_s, QString());
        both("drop expression", u"ALTER TABLE t ALTER a DROP EXPRESSION"_s, QString());
        both("add column", u"ALTER TABLE t ADD COLUMN drop_me int"_s, QString());
        both("rename", u"ALTER TABLE t RENAME TO u"_s, QString());

        // Harmless statements, including ones that mention destructive words.
        both("select", u"SELECT * FROM users"_s, QString());
        both("insert", u"INSERT INTO t VALUES ('DROP TABLE x')"_s, QString());
        both("create table", u"CREATE TABLE t (id int)"_s, QString());
        both("create index", u"CREATE INDEX ix ON t (a)"_s, QString());
        both("drop in comment", u"-- DROP TABLE t\nSELECT 1"_s, QString());
        both("upsert", u"INSERT INTO t VALUES (1) ON CONFLICT (id) DO UPDATE SET a = 1"_s, QString());
        QTest::newRow("drop in dollar quote")
            << SqlDialect::PostgreSql << u"DO $$ BEGIN DROP TABLE t; END $$"_s << QString();
        QTest::newRow("trigger body deletes later") << SqlDialect::Sqlite
                                                    << u"CREATE TRIGGER tr AFTER INSERT ON t "
                                                       "BEGIN DELETE FROM log; END"_s
                                                    << QString();
        QTest::newRow("sqlite bracket name")
            << SqlDialect::Sqlite << u"DELETE FROM [where] "_s << u"DELETE without WHERE"_s;
        both("empty", QString(), QString());
    }

    void reason()
    {
        QFETCH(SqlDialect, dialect);
        QFETCH(QString, statement);
        QFETCH(QString, reason);
        QCOMPARE(DestructiveStatement::reason(statement, dialect), reason);
        QCOMPARE(DestructiveStatement::isDestructive(statement, dialect), !reason.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDestructiveStatement)
#include "tst_destructivestatement.moc"
