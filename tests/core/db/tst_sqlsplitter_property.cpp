#include "db/SqlSplitter.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace retort;

Q_DECLARE_METATYPE(retort::SqlDialect)

// Builds scripts from random tricky fragments (quotes, comments, dollar quotes, brackets,
// semicolons where they must not split), joins the statements with ';' and random filler, and
// checks that splitting gives back exactly the statements, at the right lines.
class TestSqlSplitterProperty : public QObject
{
    Q_OBJECT

private:
    static QStringList commonFragments()
    {
        return {
            u"'a;b'"_s,
            u"'it''s; here'"_s,
            u"''"_s,
            u"'--'"_s,
            u"'/*'"_s,
            u"'\n;\n'"_s,
            u"\"x;y\""_s,
            u"\"a\"\"b;\""_s,
            u"\"it's\""_s,
            u"/* c;o'm\"ment */"_s,
            u"-- c;o'm\"ment\n"_s,
            u"--;\n"_s,
            u"/**/"_s,
            u"1"_s,
            u"col"_s,
            u"(1, 2)"_s,
            u"- -1"_s,
            u"4/2"_s,
            u"x$y"_s,
            u"'é;ü'"_s,
            u"tbl.col"_s,
            u"*"_s,
            u"CASE"_s,
            u"END"_s,
            u"BEGIN"_s,
            u"\n"_s,
            u"\t"_s,
            u"'\\'"_s,
        };
    }
    static QStringList dialectFragments(SqlDialect dialect)
    {
        if (dialect == SqlDialect::PostgreSql)
            return {u"$$a;b$$"_s,    u"$t$ $$ ; $t$"_s, u"$f$'\";--$f$"_s,
                    u"E'\\';'"_s,    u"e'\\\\'"_s,      u"E'x'';y'"_s,
                    u"$1"_s,         u"$2::int"_s,      u"/* a /* b; */ c; */"_s,
                    u"arr[1]"_s,     u"(a;b)"_s,        u"(SELECT 1; SELECT 2)"_s,
                    u"U&'\\0041;'"_s};
        return {u"[a;b]"_s, u"`a;``b`"_s, u"[it's]"_s, u"[--]"_s, u"`/*`"_s, u"$name"_s, u"X'00'"_s};
    }
    // Whole statements that hold semicolons of their own.
    static QStringList wholeStatements(SqlDialect dialect)
    {
        if (dialect == SqlDialect::PostgreSql)
            return {u"CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; "
                    "SELECT CASE WHEN 1 = 1 THEN 2 END; END"_s,
                    u"DO $$ BEGIN PERFORM 1; END $$"_s,
                    u"CREATE OR REPLACE FUNCTION g() RETURNS trigger AS $body$\nBEGIN\n"
                    "  NEW.a := 'x;';\n  RETURN NEW;\nEND;\n$body$ LANGUAGE plpgsql"_s};
        return {u"CREATE TRIGGER tr AFTER INSERT ON t BEGIN INSERT INTO log VALUES (1); "
                "UPDATE t SET a = CASE WHEN 1 THEN 2 END; END"_s,
                u"CREATE TEMP TRIGGER tr2 BEFORE DELETE ON t WHEN CASE old.a WHEN 1 THEN 1 END "
                "BEGIN SELECT RAISE(ABORT, 'no;'); END"_s};
    }
    static QStringList separators()
    {
        return {u";"_s,       u";\n"_s,   u" ;\n-- after; it\n"_s, u";/* c; */"_s, u";;"_s,
                u"\n;\n\n"_s, u";\r\n"_s, u"; -- '\n/* \" */ ;"_s};
    }

private slots:
    void roundTrip_data()
    {
        QTest::addColumn<SqlDialect>("dialect");
        QTest::newRow("postgresql") << SqlDialect::PostgreSql;
        QTest::newRow("sqlite") << SqlDialect::Sqlite;
    }

    void roundTrip()
    {
        QFETCH(SqlDialect, dialect);
        const quint32 seed =
            qEnvironmentVariableIsSet("RETORT_SEED") ? quint32(qEnvironmentVariableIntValue("RETORT_SEED")) : 20240601u;
        QRandomGenerator random(seed);
        const QStringList fragments = commonFragments() + dialectFragments(dialect);
        const QStringList whole = wholeStatements(dialect);
        const QStringList seps = separators();
        const auto pick = [&](const QStringList &list) { return list.at(random.bounded(int(list.size()))); };

        for (int iteration = 0; iteration < 1500; ++iteration) {
            QStringList expected;
            QList<int> expectedLines;
            QString script = random.bounded(3) == 0 ? u"-- header; 'x\n\n"_s : QString();
            const int count = 1 + random.bounded(6);
            for (int i = 0; i < count; ++i) {
                QString statement;
                if (random.bounded(6) == 0) {
                    statement = pick(whole);
                } else {
                    statement = u"SELECT"_s;
                    const int parts = random.bounded(8);
                    for (int k = 0; k < parts; ++k)
                        statement += u' ' + pick(fragments);
                    statement += u" 1"_s; // ends in a token, so no comment trails it
                }
                if (i > 0)
                    script += pick(seps);
                if (random.bounded(2))
                    script += u"  "_s;
                expectedLines.append(int(script.count(u'\n')) + 1);
                script += statement;
                expected.append(statement);
            }
            if (random.bounded(2))
                script += pick(seps);

            const auto result = SqlSplitter::split(script, dialect);
            if (!result.ok())
                QFAIL(qPrintable(u"seed "_s + QString::number(seed) + u", iteration "_s + QString::number(iteration)
                                 + u": "_s + result.error().message + u"\n"_s + script));
            QStringList actual;
            QList<int> actualLines;
            for (const SqlStatement &s : *result) {
                actual.append(s.text);
                actualLines.append(s.line);
            }
            if (actual != expected || actualLines != expectedLines) {
                qWarning("seed %u, iteration %d, script:\n%s", seed, iteration, qPrintable(script));
                QCOMPARE(actual, expected);
                QCOMPARE(actualLines, expectedLines);
            }
        }
    }

    // Cutting a script anywhere inside a quoted fragment leaves it unterminated: an error, never a
    // silently different split.
    void truncatedScriptsAreErrors_data() { roundTrip_data(); }
    void truncatedScriptsAreErrors()
    {
        QFETCH(SqlDialect, dialect);
        // Each fragment with the length of its opener: cuts shorter than that are no quote yet.
        QList<QPair<QString, int>> quoted = {{u"'a;b'"_s, 1}, {u"\"x;y\""_s, 1}, {u"/* c; */"_s, 2}};
        if (dialect == SqlDialect::PostgreSql)
            quoted += {{u"$$a;b$$"_s, 2}, {u"$t$;$t$"_s, 3}, {u"E'\\';'"_s, 2}, {u"/* /* */ */"_s, 2}};
        else
            quoted += {{u"[a;b]"_s, 1}, {u"`a;b`"_s, 1}};
        for (const auto &[fragment, opener] : quoted) {
            for (qsizetype cut = opener; cut < fragment.size(); ++cut) {
                const QString script = u"SELECT 1;\nSELECT "_s + fragment.left(cut);
                const auto result = SqlSplitter::split(script, dialect);
                QVERIFY2(!result.ok(), qPrintable(script));
                QCOMPARE(result.error().line, 2);
                QCOMPARE(result.error().column, 8);
            }
            QVERIFY(SqlSplitter::split(QString(u"SELECT 1;\nSELECT "_s + fragment), dialect).ok());
        }
    }
};

QTEST_GUILESS_MAIN(TestSqlSplitterProperty)
#include "tst_sqlsplitter_property.moc"
