#include "../script/GoldenJson.h"
#include "db/SqlSplitter.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace retort;

Q_DECLARE_METATYPE(retort::SqlDialect)

namespace {

const SqlDialect PG = SqlDialect::PostgreSql;
const SqlDialect LITE = SqlDialect::Sqlite;

QStringList texts(const QList<SqlStatement> &statements)
{
    QStringList out;
    for (const SqlStatement &s : statements)
        out.append(s.text);
    return out;
}

QJsonValue splitToJson(const QString &script, SqlDialect dialect)
{
    const auto result = SqlSplitter::split(script, dialect);
    if (!result) {
        const DbError &e = result.error();
        return QJsonObject{
            {u"error"_s,
             QJsonObject{
                 {u"kind"_s, e.kindName()}, {u"line"_s, e.line}, {u"column"_s, e.column}, {u"message"_s, e.message}}}};
    }
    QJsonArray statements;
    for (const SqlStatement &s : *result)
        statements.append(
            QJsonObject{{u"line"_s, s.line}, {u"column"_s, s.column}, {u"endLine"_s, s.endLine}, {u"text"_s, s.text}});
    return QJsonObject{{u"statements"_s, statements}};
}

} // namespace

class TestSqlSplitter : public QObject
{
    Q_OBJECT

private:
    static QString goldenRoot() { return QStringLiteral(RETORT_TEST_DATA "/db/splitter"); }

    static void addRow(const char *name, SqlDialect dialect, const QString &script, const QStringList &expected)
    {
        QTest::newRow(name) << dialect << script << expected;
    }
    // The same expectation for both dialects.
    static void addBoth(const char *name, const QString &script, const QStringList &expected)
    {
        QTest::addRow("%s (postgresql)", name) << PG << script << expected;
        QTest::addRow("%s (sqlite)", name) << LITE << script << expected;
    }

private slots:
    void statements_data()
    {
        QTest::addColumn<SqlDialect>("dialect");
        QTest::addColumn<QString>("script");
        QTest::addColumn<QStringList>("expected");

        // Plain statements, empty statements, whitespace.
        addBoth("one without semicolon", u"SELECT 1"_s, {u"SELECT 1"_s});
        addBoth("one with semicolon", u"SELECT 1;"_s, {u"SELECT 1"_s});
        addBoth("two", u"SELECT 1; SELECT 2;"_s, {u"SELECT 1"_s, u"SELECT 2"_s});
        addBoth("last without semicolon", u"SELECT 1;\nSELECT 2\n"_s, {u"SELECT 1"_s, u"SELECT 2"_s});
        addBoth("empty script", u""_s, {});
        addBoth("only whitespace", u"  \n\t \r\n"_s, {});
        addBoth("only semicolons", u";;\n;"_s, {});
        addBoth("empty statements between", u"SELECT 1;;\n;SELECT 2"_s, {u"SELECT 1"_s, u"SELECT 2"_s});
        addBoth("multi-line statement", u"CREATE TABLE t (\n  a int,\n  b text\n);\n"_s,
                {u"CREATE TABLE t (\n  a int,\n  b text\n)"_s});
        addBoth("crlf line ends", u"SELECT 1;\r\nSELECT\r\n2;\r\n"_s, {u"SELECT 1"_s, u"SELECT\r\n2"_s});
        addBoth("space before semicolon trimmed", u"SELECT 1   \n ;"_s, {u"SELECT 1"_s});
        addBoth("non-ascii", u"INSERT INTO t VALUES ('é'); SELECT 'ü'"_s,
                {u"INSERT INTO t VALUES ('é')"_s, u"SELECT 'ü'"_s});
        addBoth("minus minus with space", u"SELECT 2 - -1; SELECT 3"_s, {u"SELECT 2 - -1"_s, u"SELECT 3"_s});
        addBoth("division", u"SELECT 4/2; SELECT 6 / 3"_s, {u"SELECT 4/2"_s, u"SELECT 6 / 3"_s});

        // Comments.
        addBoth("comment only", u"-- nothing here"_s, {});
        addBoth("block comment only", u"/* nothing; here */"_s, {});
        addBoth("comment-only statements dropped", u"-- a;\n;/* b */;\n-- c\n"_s, {});
        addBoth("leading comment not in text", u"-- create it\nSELECT 1;"_s, {u"SELECT 1"_s});
        addBoth("leading block comment not in text", u"/* x */ SELECT 1"_s, {u"SELECT 1"_s});
        addBoth("trailing comment before semicolon not in text", u"SELECT 1 -- one\n;"_s, {u"SELECT 1"_s});
        addBoth("trailing comment after last statement", u"SELECT 1\n-- the end"_s, {u"SELECT 1"_s});
        addBoth("semicolon in line comment", u"SELECT 1 -- not; a split\n, 2;"_s, {u"SELECT 1 -- not; a split\n, 2"_s});
        addBoth("semicolon in block comment", u"SELECT 1 /* ; */ + 2;"_s, {u"SELECT 1 /* ; */ + 2"_s});
        addBoth("quote in line comment", u"SELECT 1 -- it's\n;SELECT 2"_s, {u"SELECT 1"_s, u"SELECT 2"_s});
        addBoth("quote in block comment", u"SELECT 1 /* it's \"x */;SELECT 2"_s, {u"SELECT 1"_s, u"SELECT 2"_s});
        addBoth("line comment without newline", u"SELECT 1; -- done;"_s, {u"SELECT 1"_s});
        addBoth("empty block comment", u"SELECT 1/**/;SELECT 2"_s, {u"SELECT 1"_s, u"SELECT 2"_s});
        addBoth("comment marker in comment", u"/* -- */ SELECT 1; -- /*\nSELECT 2"_s, {u"SELECT 1"_s, u"SELECT 2"_s});
        addRow("nested comment (postgresql)", PG, u"/* a /* b */ ; */ SELECT 1;"_s, {u"SELECT 1"_s});
        addRow("nested comment (sqlite ends at first */)", LITE, u"/* a /* b */ ; */ SELECT 1;"_s, {u"*/ SELECT 1"_s});
        addRow("deeply nested comment (postgresql)", PG, u"SELECT 1 /* 1 /* 2 /* 3; */ 2; */ 1; */; SELECT 2"_s,
               {u"SELECT 1"_s, u"SELECT 2"_s});

        // 'Strings'.
        addBoth("semicolon in string", u"SELECT 'a;b';"_s, {u"SELECT 'a;b'"_s});
        addBoth("doubled quote", u"SELECT 'it''s; fine'; SELECT 2"_s, {u"SELECT 'it''s; fine'"_s, u"SELECT 2"_s});
        addBoth("empty strings", u"SELECT '';SELECT ''''"_s, {u"SELECT ''"_s, u"SELECT ''''"_s});
        addBoth("comment markers in string", u"SELECT '--;', '/*;'; SELECT 2"_s,
                {u"SELECT '--;', '/*;'"_s, u"SELECT 2"_s});
        addBoth("newline in string", u"INSERT INTO t VALUES ('a\n;b');"_s, {u"INSERT INTO t VALUES ('a\n;b')"_s});
        addBoth("double quote in string", u"SELECT 'say \"hi;\"'; SELECT 2"_s,
                {u"SELECT 'say \"hi;\"'"_s, u"SELECT 2"_s});
        addBoth("adjacent strings", u"SELECT 'a''''b';SELECT 'c'"_s, {u"SELECT 'a''''b'"_s, u"SELECT 'c'"_s});
        addBoth("backslash is not an escape in standard strings", u"SELECT 'a\\';SELECT 2"_s,
                {u"SELECT 'a\\'"_s, u"SELECT 2"_s});
        addBoth("unicode escape string is standard", u"SELECT U&'\\0041;';SELECT 2"_s,
                {u"SELECT U&'\\0041;'"_s, u"SELECT 2"_s});

        // "Quoted identifiers".
        addBoth("semicolon in identifier", u"SELECT \"a;b\" FROM t; SELECT 2"_s,
                {u"SELECT \"a;b\" FROM t"_s, u"SELECT 2"_s});
        addBoth("doubled double quote", u"SELECT \"a\"\"b;c\" FROM t; SELECT 2"_s,
                {u"SELECT \"a\"\"b;c\" FROM t"_s, u"SELECT 2"_s});
        addBoth("comment marker in identifier", u"CREATE TABLE \"x--y\" (a int); SELECT 1"_s,
                {u"CREATE TABLE \"x--y\" (a int)"_s, u"SELECT 1"_s});
        addBoth("single quote in identifier", u"SELECT \"it's\" FROM t;SELECT 2"_s,
                {u"SELECT \"it's\" FROM t"_s, u"SELECT 2"_s});

        // PostgreSQL dollar quoting.
        addRow("dollar quote", PG, u"SELECT $$a;b$$;"_s, {u"SELECT $$a;b$$"_s});
        addRow("dollar quote body", PG,
               u"CREATE FUNCTION f() RETURNS int AS $$\nBEGIN\n  RETURN 1;\nEND;\n$$ "
               "LANGUAGE plpgsql;\nSELECT f();"_s,
               {u"CREATE FUNCTION f() RETURNS int AS $$\nBEGIN\n  RETURN 1;\nEND;\n$$ "
                "LANGUAGE plpgsql"_s,
                u"SELECT f()"_s});
        addRow("tagged dollar quote with $$ inside", PG, u"SELECT $body$ a $$ ; $$ b $body$; SELECT 2"_s,
               {u"SELECT $body$ a $$ ; $$ b $body$"_s, u"SELECT 2"_s});
        addRow("other tag inside", PG, u"SELECT $a$ x $b$ ; $b$ y $a$;SELECT 2"_s,
               {u"SELECT $a$ x $b$ ; $b$ y $a$"_s, u"SELECT 2"_s});
        addRow("tags are case-sensitive", PG, u"SELECT $TAG$ a $tag$ ; $TAG$; SELECT 2"_s,
               {u"SELECT $TAG$ a $tag$ ; $TAG$"_s, u"SELECT 2"_s});
        addRow("tag with underscore and digits", PG, u"SELECT $_t1$;'$_t1$;SELECT 2"_s,
               {u"SELECT $_t1$;'$_t1$"_s, u"SELECT 2"_s});
        addRow("quotes and comments inside dollar quote", PG, u"SELECT $$ it's -- \"x /* $$; SELECT 2"_s,
               {u"SELECT $$ it's -- \"x /* $$"_s, u"SELECT 2"_s});
        addRow("positional parameters", PG, u"SELECT $1; SELECT $2, $10"_s, {u"SELECT $1"_s, u"SELECT $2, $10"_s});
        addRow("prepare with parameters", PG, u"PREPARE p(int) AS SELECT $1::int; EXECUTE p(1);"_s,
               {u"PREPARE p(int) AS SELECT $1::int"_s, u"EXECUTE p(1)"_s});
        addRow("parameter next to dollar", PG, u"SELECT $1$;SELECT 2"_s, {u"SELECT $1$"_s, u"SELECT 2"_s});
        addRow("dollar inside identifier", PG, u"SELECT a$b$c FROM t; SELECT 2"_s,
               {u"SELECT a$b$c FROM t"_s, u"SELECT 2"_s});
        addRow("do block", PG, u"DO $$ BEGIN PERFORM 1; END $$; SELECT 2"_s,
               {u"DO $$ BEGIN PERFORM 1; END $$"_s, u"SELECT 2"_s});
        addRow("dollar quote is not sqlite", LITE, u"SELECT $$a;b$$"_s, {u"SELECT $$a"_s, u"b$$"_s});

        // PostgreSQL E'...' strings.
        addRow("escaped quote in E string", PG, u"SELECT E'a\\';b';SELECT 2"_s, {u"SELECT E'a\\';b'"_s, u"SELECT 2"_s});
        addRow("lower-case e string", PG, u"SELECT e'\\\\';SELECT 2"_s, {u"SELECT e'\\\\'"_s, u"SELECT 2"_s});
        addRow("doubled quote in E string", PG, u"SELECT E'it''s;';SELECT 2"_s, {u"SELECT E'it''s;'"_s, u"SELECT 2"_s});
        addRow("backslash n in E string", PG, u"SELECT E'a\\n;b', 'c';SELECT 2"_s,
               {u"SELECT E'a\\n;b', 'c'"_s, u"SELECT 2"_s});
        addRow("word ending in e is not an E string", PG, u"SELECT 1 AS none, 'x;y';SELECT 2"_s,
               {u"SELECT 1 AS none, 'x;y'"_s, u"SELECT 2"_s});

        // SQLite [bracket] and `backtick` identifiers.
        addRow("bracket identifier", LITE, u"SELECT [a;b] FROM t; SELECT 2"_s,
               {u"SELECT [a;b] FROM t"_s, u"SELECT 2"_s});
        addRow("quote in bracket identifier", LITE, u"SELECT [it's] FROM t; SELECT 2"_s,
               {u"SELECT [it's] FROM t"_s, u"SELECT 2"_s});
        addRow("backtick identifier", LITE, u"SELECT `a;b`, `c``;d` FROM t; SELECT 2"_s,
               {u"SELECT `a;b`, `c``;d` FROM t"_s, u"SELECT 2"_s});
        addRow("brackets are subscripts in postgresql", PG, u"SELECT arr[1]; SELECT 2"_s,
               {u"SELECT arr[1]"_s, u"SELECT 2"_s});
        addRow("backticks are nothing in postgresql", PG, u"SELECT `a;b`"_s, {u"SELECT `a"_s, u"b`"_s});

        // SQLite triggers.
        const QString trigger = u"CREATE TRIGGER tr AFTER INSERT ON t BEGIN\n"
                                "  INSERT INTO log VALUES (1);\n  UPDATE x SET a = 1;\nEND"_s;
        addRow("trigger", LITE, trigger + u";\nSELECT 1;"_s, {trigger, u"SELECT 1"_s});
        const QString temp = u"CREATE TEMP TRIGGER tr AFTER DELETE ON t BEGIN DELETE FROM x; "
                             "SELECT 1; END"_s;
        addRow("temp trigger", LITE, temp + u"; SELECT 2"_s, {temp, u"SELECT 2"_s});
        const QString temporary = u"create temporary trigger if not exists tr before update on t "
                                  "begin select 1; end"_s;
        addRow("temporary trigger, lower case", LITE, temporary + u";select 2"_s, {temporary, u"select 2"_s});
        const QString withCase = u"CREATE TRIGGER tr AFTER UPDATE ON t BEGIN\n"
                                 "  UPDATE t SET a = CASE WHEN new.a > 0 THEN 1 ELSE 0 END;\n"
                                 "  INSERT INTO log VALUES (CASE new.b WHEN 1 THEN 'x' END);\n"
                                 "END"_s;
        addRow("case inside trigger body", LITE, withCase + u"; SELECT 2"_s, {withCase, u"SELECT 2"_s});
        const QString nestedCase = u"CREATE TRIGGER tr AFTER UPDATE ON t BEGIN SELECT CASE WHEN "
                                   "1 THEN CASE 2 WHEN 2 THEN 3 END END; END"_s;
        addRow("nested case inside trigger", LITE, nestedCase + u";SELECT 2"_s, {nestedCase, u"SELECT 2"_s});
        const QString when = u"CREATE TRIGGER tr BEFORE DELETE ON t WHEN CASE old.a WHEN 1 "
                             "THEN 1 END BEGIN SELECT RAISE(ABORT, 'no;'); END"_s;
        addRow("case in when clause", LITE, when + u";SELECT 2"_s, {when, u"SELECT 2"_s});
        const QString endInString = u"CREATE TRIGGER tr AFTER INSERT ON t BEGIN INSERT INTO log "
                                    "VALUES ('END;'); INSERT INTO \"end\" VALUES (1); END"_s;
        addRow("END in string and identifier", LITE, endInString + u";SELECT 2"_s, {endInString, u"SELECT 2"_s});
        const QString commented = u"CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; -- END;\n"
                                  "SELECT 2; /* END; */ END"_s;
        addRow("END in comments", LITE, commented + u" /* x */;SELECT 3"_s, {commented, u"SELECT 3"_s});
        addRow("two triggers", LITE,
               u"CREATE TRIGGER a AFTER INSERT ON t BEGIN SELECT 1; END;"
               "CREATE TRIGGER b AFTER INSERT ON t BEGIN SELECT 2; END;"_s,
               {u"CREATE TRIGGER a AFTER INSERT ON t BEGIN SELECT 1; END"_s,
                u"CREATE TRIGGER b AFTER INSERT ON t BEGIN SELECT 2; END"_s});
        addRow("transaction is not a trigger", LITE, u"BEGIN; INSERT INTO t VALUES (1); END;"_s,
               {u"BEGIN"_s, u"INSERT INTO t VALUES (1)"_s, u"END"_s});
        addRow("table named like trigger", LITE, u"CREATE TABLE trigger_log (a); SELECT 1"_s,
               {u"CREATE TABLE trigger_log (a)"_s, u"SELECT 1"_s});
        addRow("view with case", LITE, u"CREATE VIEW v AS SELECT CASE WHEN 1 THEN 2 END; SELECT 3"_s,
               {u"CREATE VIEW v AS SELECT CASE WHEN 1 THEN 2 END"_s, u"SELECT 3"_s});
        addRow("postgresql trigger", PG,
               u"CREATE TRIGGER tr AFTER INSERT ON t FOR EACH ROW EXECUTE FUNCTION f(); "
               "SELECT 1"_s,
               {u"CREATE TRIGGER tr AFTER INSERT ON t FOR EACH ROW EXECUTE FUNCTION f()"_s, u"SELECT 1"_s});

        // PostgreSQL: what psql keeps together.
        const QString atomic = u"CREATE FUNCTION f() RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n"
                               "  SELECT 1;\n  SELECT 2;\nEND"_s;
        addRow("begin atomic", PG, atomic + u";\nSELECT 3"_s, {atomic, u"SELECT 3"_s});
        const QString procedure = u"CREATE OR REPLACE PROCEDURE p() LANGUAGE sql BEGIN ATOMIC "
                                  "INSERT INTO t VALUES (1); UPDATE t SET a = CASE WHEN a > 1 "
                                  "THEN 2 END; END"_s;
        addRow("procedure with case", PG, procedure + u"; SELECT 3"_s, {procedure, u"SELECT 3"_s});
        addRow("transaction block", PG, u"BEGIN; SELECT 1; COMMIT;"_s, {u"BEGIN"_s, u"SELECT 1"_s, u"COMMIT"_s});
        addRow("semicolon in parentheses", PG,
               u"CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); "
               "INSERT INTO b VALUES (2)); SELECT 1"_s,
               {u"CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); "
                "INSERT INTO b VALUES (2))"_s,
                u"SELECT 1"_s});
        addRow("stray close parenthesis", PG, u"SELECT 1); SELECT 2"_s, {u"SELECT 1)"_s, u"SELECT 2"_s});
    }

    void statements()
    {
        QFETCH(SqlDialect, dialect);
        QFETCH(QString, script);
        QFETCH(QStringList, expected);
        const auto result = SqlSplitter::split(script, dialect);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        QCOMPARE(texts(*result), expected);
        // Each statement's text is where its offset says it is.
        for (const SqlStatement &s : *result)
            QCOMPARE(QStringView(script).mid(s.offset, s.text.size()), QStringView(s.text));
    }

    void positions_data()
    {
        QTest::addColumn<QString>("script");
        QTest::addColumn<int>("firstLine");
        QTest::addColumn<QList<int>>("expected"); // line, column, endLine per statement

        const QString script = u"SELECT 1;\n  SELECT 2;\n\n-- c\n/* x */ SELECT\n3;"_s;
        QTest::newRow("from line 1") << script << 1 << QList<int>{1, 1, 1, 2, 3, 2, 5, 9, 6};
        QTest::newRow("from line 10") << script << 10 << QList<int>{10, 1, 10, 11, 3, 11, 14, 9, 15};
        QTest::newRow("two on one line") << u"SELECT 1; SELECT 2;  SELECT 3"_s << 1
                                         << QList<int>{1, 1, 1, 1, 11, 1, 1, 22, 1};
        QTest::newRow("multi-line string") << u"SELECT 'a\nb\nc';\nSELECT 2"_s << 1 << QList<int>{1, 1, 3, 4, 1, 4};
        QTest::newRow("crlf") << u"SELECT 1;\r\n\tSELECT 2;\r\n"_s << 1 << QList<int>{1, 1, 1, 2, 2, 2};
        QTest::newRow("after block comment lines") << u"/*\n;\n*/\n\n   SELECT 1"_s << 1 << QList<int>{5, 4, 5};
    }

    void positions()
    {
        QFETCH(QString, script);
        QFETCH(int, firstLine);
        QFETCH(QList<int>, expected);
        for (const SqlDialect dialect : {PG, LITE}) {
            const auto result = SqlSplitter::split(script, dialect, firstLine);
            QVERIFY(result.ok());
            QList<int> actual;
            for (const SqlStatement &s : *result)
                actual << s.line << s.column << s.endLine;
            QCOMPARE(actual, expected);
        }
    }

    void errors_data()
    {
        QTest::addColumn<SqlDialect>("dialect");
        QTest::addColumn<QString>("script");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");

        for (const SqlDialect d : {PG, LITE}) {
            const QByteArray suffix = d == PG ? " (postgresql)" : " (sqlite)";
            QTest::newRow(QByteArray("string" + suffix).constData())
                << d << u"SELECT 'abc"_s << u"UnterminatedString"_s << 1 << 8;
            QTest::newRow(QByteArray("string on line 3" + suffix).constData())
                << d << u"SELECT 1;\nSELECT 2;\n  SELECT 'it''s;\n\n"_s << u"UnterminatedString"_s << 3 << 10;
            QTest::newRow(QByteArray("string ending in doubled quote" + suffix).constData())
                << d << u"SELECT 'a''"_s << u"UnterminatedString"_s << 1 << 8;
            QTest::newRow(QByteArray("identifier" + suffix).constData())
                << d << u"SELECT \"abc;\nSELECT 2"_s << u"UnterminatedIdentifier"_s << 1 << 8;
            QTest::newRow(QByteArray("block comment" + suffix).constData())
                << d << u"SELECT 1;\n/* forgot to close; SELECT 2"_s << u"UnterminatedComment"_s << 2 << 1;
            QTest::newRow(QByteArray("lone quote after statements" + suffix).constData())
                << d << u"SELECT 1;\nSELECT 2;\n'"_s << u"UnterminatedString"_s << 3 << 1;
        }
        QTest::newRow("nested comment left open (postgresql)")
            << PG << u"/* a /* b */ SELECT 1"_s << u"UnterminatedComment"_s << 1 << 1;
        QTest::newRow("dollar quote") << PG << u"SELECT $$abc;"_s << u"UnterminatedDollarQuote"_s << 1 << 8;
        QTest::newRow("tagged dollar quote closed by another tag")
            << PG << u"\n\n  SELECT $fn$ x $$ y $FN$"_s << u"UnterminatedDollarQuote"_s << 3 << 10;
        QTest::newRow("E string ended by escaped quote")
            << PG << u"SELECT E'abc\\';"_s << u"UnterminatedString"_s << 1 << 8;
        QTest::newRow("E string is not sqlite") << LITE << u"SELECT E'a\\';b'"_s << u"UnterminatedString"_s << 1 << 15;
        QTest::newRow("bracket") << LITE << u"SELECT [abc;"_s << u"UnterminatedIdentifier"_s << 1 << 8;
        QTest::newRow("backtick") << LITE << u"SELECT `a``b;"_s << u"UnterminatedIdentifier"_s << 1 << 8;
    }

    void errors()
    {
        QFETCH(SqlDialect, dialect);
        QFETCH(QString, script);
        QFETCH(QString, kind);
        QFETCH(int, line);
        QFETCH(int, column);
        const auto result = SqlSplitter::split(script, dialect);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kindName(), kind);
        QCOMPARE(result.error().line, line);
        QCOMPARE(result.error().column, column);
        QVERIFY2(result.error().message.contains(u"line "_s + QString::number(line)),
                 qPrintable(result.error().message));
        // Shifted scripts report shifted lines.
        const auto shifted = SqlSplitter::split(script, dialect, 41);
        QVERIFY(!shifted.ok());
        QCOMPARE(shifted.error().line, line + 40);
    }

    // What only one dialect accepts.
    void dialectOnlyConstructsAreNotErrors_data()
    {
        QTest::addColumn<SqlDialect>("dialect");
        QTest::addColumn<QString>("script");
        QTest::addColumn<int>("count");
        QTest::newRow("open bracket in postgresql") << PG << u"SELECT [abc"_s << 1;
        QTest::newRow("open backtick in postgresql") << PG << u"SELECT `abc"_s << 1;
        QTest::newRow("open $$ in sqlite") << LITE << u"SELECT $$abc; SELECT 2"_s << 2;
        QTest::newRow("nested comment opener in sqlite") << LITE << u"/* a /* b */ SELECT 1"_s << 1;
    }
    void dialectOnlyConstructsAreNotErrors()
    {
        QFETCH(SqlDialect, dialect);
        QFETCH(QString, script);
        QFETCH(int, count);
        const auto result = SqlSplitter::split(script, dialect);
        QVERIFY(result.ok());
        QCOMPARE(result->size(), count);
    }

    void hasEnoughGoldenCases() { QVERIFY(golden::caseDirectories(goldenRoot()).size() >= 8); }

    void golden_data()
    {
        QTest::addColumn<QString>("caseDir");
        for (const QString &dir : golden::caseDirectories(goldenRoot()))
            QTest::newRow(qPrintable(dir.section(QLatin1Char('/'), -1))) << dir;
    }

    // expected.json: the statements (or the error) for each dialect.
    void golden()
    {
        QFETCH(QString, caseDir);
        QFile file(caseDir + u"/input.sql"_s);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString script = QString::fromUtf8(file.readAll());
        const QJsonObject actual{{u"postgresql"_s, splitToJson(script, PG)}, {u"sqlite"_s, splitToJson(script, LITE)}};
        QString difference;
        QVERIFY2(golden::matchesExpected(caseDir, actual, &difference), qPrintable(difference));
    }

    // Large scripts split into every statement, with the quoting and comments each one carries
    // (how fast is a benchmark's question, not this test's).
    void splitsLargeScripts()
    {
        QString text;
        for (int i = 0; i < 10000; ++i)
            text += u"INSERT INTO t (a, \"b;\") VALUES ("_s + QString::number(i)
                + u", 'it''s; -- x', $$;$$); -- note\n/* c */\n"_s;
        const auto result = SqlSplitter::split(text, PG);
        QVERIFY(result.ok());
        QCOMPARE(result->size(), 10000);
        QVERIFY(result->at(9999).text.contains(u"VALUES (9999, 'it''s; -- x', $$;$$)"_s));
    }
};

QTEST_GUILESS_MAIN(TestSqlSplitter)
#include "tst_sqlsplitter.moc"
