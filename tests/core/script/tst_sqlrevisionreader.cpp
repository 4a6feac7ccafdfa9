#include "GoldenJson.h"
#include "script/SqlRevisionReader.h"

#include <QFile>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace retort;

Q_DECLARE_METATYPE(SqlDirection)

class TestSqlRevisionReader : public QObject
{
    Q_OBJECT

private:
    static QString root() { return QStringLiteral(RETORT_TEST_DATA "/script/sql"); }

private slots:
    void hasEnoughCases() { QVERIFY(golden::caseDirectories(root()).size() >= 12); }

    void golden_data()
    {
        QTest::addColumn<QString>("caseDir");
        for (const QString &dir : golden::caseDirectories(root()))
            QTest::newRow(qPrintable(dir.section(QLatin1Char('/'), -1))) << dir;
    }

    // expected.json: revision, problems, sections, and the SQL each direction runs per dialect.
    void golden()
    {
        QFETCH(QString, caseDir);
        const QString input = caseDir + u"/input.sql"_s;
        const SqlReadResult result = SqlRevisionReader::readFile(input);
        QCOMPARE(result.script.path, input);
        for (const Problem &p : result.problems)
            QCOMPARE(p.path, input);
        if (result.revision) {
            QCOMPARE(result.revision->path, input);
            QCOMPARE(result.revision->format, ScriptFormat::Sql);
        }
        QJsonObject sql;
        for (const QString &dialect : SqlRevisionReader::supportedDialects()) {
            sql.insert(u"upgrade "_s + dialect, result.script.sqlFor(SqlDirection::Upgrade, dialect));
            sql.insert(u"downgrade "_s + dialect, result.script.sqlFor(SqlDirection::Downgrade, dialect));
        }
        const QJsonObject actual{{u"revision"_s, golden::revisionToJson(result.revision)},
                                 {u"problems"_s, golden::problemsToJson(result.problems)},
                                 {u"sections"_s, golden::sectionsToJson(result.script)},
                                 {u"sql"_s, sql}};
        QString difference;
        QVERIFY2(golden::matchesExpected(caseDir, actual, &difference), qPrintable(difference));
    }

    // Each section's text maps back to the file: line k of text is line firstLine + k.
    void sectionTextMapsToFileLines_data() { golden_data(); }
    void sectionTextMapsToFileLines()
    {
        QFETCH(QString, caseDir);
        QFile file(caseDir + u"/input.sql"_s);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QString content = QString::fromUtf8(file.readAll());
        content.remove(QChar(0xFEFF));
        content.remove(QLatin1Char('\r'));
        const QStringList fileLines = content.split(QLatin1Char('\n'));
        const SqlReadResult result = SqlRevisionReader::read(content.toUtf8(), u"x.sql"_s);
        for (const SqlSection &s : result.script.sections) {
            QCOMPARE(s.firstLine, s.markerLine + 1);
            if (s.text.isEmpty()) {
                QCOMPARE(s.lastLine, s.markerLine);
                continue;
            }
            const QStringList textLines = s.text.split(QLatin1Char('\n'));
            QCOMPARE(s.lastLine - s.firstLine + 1, int(textLines.size()));
            for (int k = 0; k < textLines.size(); ++k)
                QCOMPARE(textLines.at(k), fileLines.at(s.firstLine - 1 + k));
        }
    }

    void sectionsFor_data()
    {
        QTest::addColumn<SqlDirection>("direction");
        QTest::addColumn<QString>("dialect");
        QTest::addColumn<QList<int>>("markerLines");
        // Sections: 1 up (all), 3 up pg, 5 down (all), 7 up sqlite, 9 down pg, 11 up (all)
        QTest::newRow("up pg") << SqlDirection::Upgrade << u"postgresql"_s << QList<int>{1, 3, 11};
        QTest::newRow("up sqlite") << SqlDirection::Upgrade << u"sqlite"_s << QList<int>{1, 7, 11};
        QTest::newRow("up other") << SqlDirection::Upgrade << u"mysql"_s << QList<int>{1, 11};
        QTest::newRow("down pg") << SqlDirection::Downgrade << u"PostgreSQL"_s << QList<int>{5, 9};
        QTest::newRow("down sqlite") << SqlDirection::Downgrade << u"sqlite"_s << QList<int>{5};
    }
    void sectionsFor()
    {
        QFETCH(SqlDirection, direction);
        QFETCH(QString, dialect);
        QFETCH(QList<int>, markerLines);
        const QByteArray text = "-- +upgrade\nA;\n-- +upgrade postgresql\nB;\n-- +downgrade\nC;\n"
                                "-- +upgrade sqlite\nD;\n-- +downgrade postgresql\nE;\n"
                                "-- +upgrade\nF;\n";
        const SqlReadResult r = SqlRevisionReader::read("-- Revision ID: x\n" + text, u"x"_s);
        QList<int> actual;
        for (const SqlSection &s : r.script.sectionsFor(direction, dialect))
            actual.append(s.markerLine - 1); // the header line shifts everything by one
        QCOMPARE(actual, markerLines);
    }

    void truncatedInputs_data() { golden_data(); }
    void truncatedInputs()
    {
        QFETCH(QString, caseDir);
        QFile file(caseDir + u"/input.sql"_s);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray full = file.readAll();
        for (qsizetype n = 0; n <= full.size(); ++n) {
            const SqlReadResult r = SqlRevisionReader::read(full.left(n), u"x.sql"_s);
            const int lines = int(full.left(n).count('\n')) + 1;
            for (const SqlSection &s : r.script.sections) {
                QVERIFY(s.markerLine >= 1 && s.markerLine <= lines);
                QVERIFY(s.lastLine <= lines);
            }
        }
    }

    void unreadableFile()
    {
        const SqlReadResult r = SqlRevisionReader::readFile(u"/nonexistent/x.sql"_s);
        QVERIFY(!r.revision);
        QCOMPARE(r.problems.size(), 1);
        QCOMPARE(r.problems.first().kind, u"UnreadableFile"_s);
    }
};

QTEST_GUILESS_MAIN(TestSqlRevisionReader)
#include "tst_sqlrevisionreader.moc"
