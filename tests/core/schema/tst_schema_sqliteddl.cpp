// What the SQLite reader takes from CREATE statements' text: constraint names, CHECK
// constraints, generated columns' expressions, index terms and predicates, view queries.
#include "schema/SqliteDdl.h"

#include <QTest>

using namespace retort;
using namespace Qt::StringLiterals;

namespace {

// "kind name (columns) expression -> refTable (refColumns)", one line per constraint.
QStringList lines(const SqliteTableDdl &ddl)
{
    QStringList out;
    for (const SqliteTableDdl::Constraint &c : ddl.constraints) {
        using K = SqliteTableDdl::Constraint::Kind;
        const QString kind = c.kind == K::PrimaryKey ? u"pk"_s
            : c.kind == K::Unique                    ? u"unique"_s
            : c.kind == K::Check                     ? u"check"_s
                                                     : u"fk"_s;
        QString line = kind + u' ' + (c.name.isEmpty() ? u"-"_s : c.name) + u" ("_s + c.columns.join(u", "_s) + u')';
        if (!c.expression.isEmpty())
            line += u' ' + c.expression;
        if (!c.refTable.isEmpty())
            line += u" -> "_s + c.refTable + u" ("_s + c.refColumns.join(u", "_s) + u')';
        out.append(line);
    }
    return out;
}

} // namespace

class TestSqliteDdl : public QObject
{
    Q_OBJECT

private slots:
    void table_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("no constraints") << u"CREATE TABLE t (a INTEGER, b VARCHAR(20) NOT NULL DEFAULT 'x')"_s
                                        << QStringList();
        QTest::newRow("named table constraints")
            << u"CREATE TABLE t (a INT, b INT, CONSTRAINT pk_t PRIMARY KEY (a, b), CONSTRAINT uq_t UNIQUE (b), "
               "CONSTRAINT fk_t_p FOREIGN KEY (b) REFERENCES p (id) ON DELETE CASCADE, "
               "CONSTRAINT ck_t CHECK (a > 0))"_s
            << QStringList{u"pk pk_t (a, b)"_s, u"unique uq_t (b)"_s, u"fk fk_t_p (b) -> p (id)"_s,
                           u"check ck_t () a > 0"_s};
        QTest::newRow("unnamed table constraints")
            << u"CREATE TABLE t (a INT, PRIMARY KEY (a DESC), UNIQUE (a COLLATE nocase), CHECK (a <> 5), "
               "FOREIGN KEY (a) REFERENCES p)"_s
            << QStringList{u"pk - (a)"_s, u"unique - (a)"_s, u"check - () a <> 5"_s, u"fk - (a) -> p ()"_s};
        QTest::newRow("column constraints")
            << u"CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT CONSTRAINT ck_name CHECK (length(name) > 1) UNIQUE, "
               "pid INTEGER CONSTRAINT fk_pid REFERENCES p(id), qty INT CHECK(qty >= 0) NOT NULL)"_s
            << QStringList{u"pk - (id)"_s, u"check ck_name (name) length(name) > 1"_s, u"unique - (name)"_s,
                           u"fk fk_pid (pid) -> p (id)"_s, u"check - (qty) qty >= 0"_s};
        QTest::newRow("a name before NOT NULL belongs to it")
            << u"CREATE TABLE t (a INT CONSTRAINT nn NOT NULL CHECK (a > 1))"_s << QStringList{u"check - (a) a > 1"_s};
        QTest::newRow("quoted names and whitespace")
            << u"CREATE TABLE \"my t\" (\n  [a b] INT,\n  `c` INT,\n  CONSTRAINT \"ck \"\"q\"\"\" CHECK (\n    [a b]  "
               u">\n 0 -- positive\n  ),\n"
               "  CONSTRAINT 'fk' FOREIGN KEY (\"c\") REFERENCES \"P\" (\"ID\")\n)"_s
            << QStringList{u"check ck \"q\" () [a b] > 0"_s, u"fk fk (c) -> P (ID)"_s};
        QTest::newRow("parentheses and commas inside")
            << u"CREATE TABLE t (a NUMERIC(10, 2) DEFAULT (round(1.5, 0)), CHECK (a IN (1, 2) AND coalesce(a, 0) > 0))"_s
            << QStringList{u"check - () a IN (1, 2) AND coalesce(a, 0) > 0"_s};
        QTest::newRow("CREATE TABLE AS") << u"CREATE TABLE t AS SELECT 1 AS a"_s << QStringList();
    }

    void table()
    {
        QFETCH(QString, sql);
        QFETCH(QStringList, expected);
        QCOMPARE(lines(SqliteTableDdl::parse(sql)), expected);
    }

    void generatedColumns()
    {
        const SqliteTableDdl ddl = SqliteTableDdl::parse(
            u"CREATE TABLE t (a INT, \"Twice\" INT GENERATED ALWAYS AS (a  *  2) STORED, c TEXT AS (upper(b)) VIRTUAL, "
            "d INT CHECK (d > 0))"_s);
        QCOMPARE(ddl.generationExpressions.size(), 2);
        QCOMPARE(ddl.generationExpressions.value(u"twice"_s), u"a * 2"_s);
        QCOMPARE(ddl.generationExpressions.value(u"c"_s), u"upper(b)"_s);
        QCOMPARE(lines(ddl), QStringList{u"check - (d) d > 0"_s});
    }

    void index_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QStringList>("terms");
        QTest::addColumn<QString>("where");
        QTest::newRow("plain") << u"CREATE INDEX ix ON t (a, b)"_s << QStringList{u"a"_s, u"b"_s} << QString();
        QTest::newRow("expressions and order")
            << u"CREATE UNIQUE INDEX IF NOT EXISTS \"ix\" ON \"t\" (lower(name) DESC, a ASC, (a + b))"_s
            << QStringList{u"lower(name)"_s, u"a"_s, u"(a + b)"_s} << QString();
        QTest::newRow("partial") << u"CREATE INDEX ix ON t (a) WHERE active = 1\n  AND deleted_at IS NULL;"_s
                                 << QStringList{u"a"_s} << u"active = 1 AND deleted_at IS NULL"_s;
        QTest::newRow("where inside a term is not the predicate")
            << u"CREATE INDEX ix ON t ((CASE WHEN a THEN 1 END))"_s << QStringList{u"(CASE WHEN a THEN 1 END)"_s}
            << QString();
    }

    void index()
    {
        QFETCH(QString, sql);
        QFETCH(QStringList, terms);
        QFETCH(QString, where);
        const SqliteIndexDdl ddl = SqliteIndexDdl::parse(sql);
        QCOMPARE(ddl.terms, terms);
        QCOMPARE(ddl.where, where);
    }

    void viewQuery_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("query");
        QTest::newRow("plain") << u"CREATE VIEW v AS SELECT a FROM t"_s << u"SELECT a FROM t"_s;
        QTest::newRow("column list and AS inside")
            << u"CREATE VIEW IF NOT EXISTS \"v\" (x, y) AS\n  SELECT a AS x, b AS y FROM t;"_s
            << u"SELECT a AS x, b AS y FROM t"_s;
    }

    void viewQuery()
    {
        QFETCH(QString, sql);
        QFETCH(QString, query);
        QCOMPARE(sqliteViewQuery(sql), query);
    }
};

QTEST_GUILESS_MAIN(TestSqliteDdl)
#include "tst_schema_sqliteddl.moc"
