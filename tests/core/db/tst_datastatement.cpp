// Which statements replay may treat as changing rows only (isDataStatement): a wrong "yes" would
// let a replay keep a stale schema, so everything that is not plainly INSERT / UPDATE / DELETE /
// MERGE must be a "no".
#include "db/DataStatement.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace retort;

Q_DECLARE_METATYPE(retort::SqlDialect)

class TestDataStatement : public QObject
{
    Q_OBJECT

private slots:
    void classify_data()
    {
        QTest::addColumn<SqlDialect>("dialect");
        QTest::addColumn<QString>("statement");
        QTest::addColumn<bool>("data");
        const auto both = [](const char *name, const QString &statement, bool data) {
            QTest::addRow("%s (postgresql)", name) << SqlDialect::PostgreSql << statement << data;
            QTest::addRow("%s (sqlite)", name) << SqlDialect::Sqlite << statement << data;
        };
        both("insert", u"INSERT INTO t (id) VALUES (1)"_s, true);
        both("lower case update", u"update t set a = 1"_s, true);
        both("delete", u"DELETE FROM t WHERE id = 1"_s, true);
        both("merge", u"MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE"_s, true);
        both("comments first", u"-- seed\n/* rows */ INSERT INTO t VALUES (1)"_s, true);
        both("create", u"CREATE TABLE t (id integer)"_s, false);
        both("alter", u"ALTER TABLE t ADD COLUMN b integer"_s, false);
        both("select into", u"SELECT * INTO t2 FROM t"_s, false);
        both("with", u"WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x"_s, false);
        both("comment only", u"-- INSERT INTO t VALUES (1)"_s, false);
        both("empty", QString(), false);
        both("quoted word", u"\"INSERT\""_s, false);
        both("parenthesis", u"(SELECT 1)"_s, false);
        both("insertion is not insert", u"INSERTION"_s, false);
        QTest::addRow("do block") << SqlDialect::PostgreSql << u"DO $$ BEGIN INSERT INTO t VALUES (1); END $$"_s
                                  << false;
        QTest::addRow("pg block comment") << SqlDialect::PostgreSql << u"/* a /* nested */ */ DELETE FROM t"_s << true;
    }

    void classify()
    {
        QFETCH(SqlDialect, dialect);
        QFETCH(QString, statement);
        QFETCH(bool, data);
        QCOMPARE(isDataStatement(statement, dialect), data);
    }
};

QTEST_GUILESS_MAIN(TestDataStatement)
#include "tst_datastatement.moc"
