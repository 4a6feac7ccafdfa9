#include "GoldenJson.h"
#include "script/PythonRevisionReader.h"

#include <QFile>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace retort;

// Golden tests: tests/data/script/python/<case>/input.py -> expected.json.
class TestPythonRevisionReader : public QObject
{
    Q_OBJECT

private:
    static QString root() { return QStringLiteral(RETORT_TEST_DATA "/script/python"); }

    static void addCaseRows()
    {
        QTest::addColumn<QString>("caseDir");
        for (const QString &dir : golden::caseDirectories(root()))
            QTest::newRow(qPrintable(dir.section(QLatin1Char('/'), -1))) << dir;
    }

private slots:
    void hasEnoughCases() { QVERIFY2(golden::caseDirectories(root()).size() >= 25, qPrintable(root())); }

    void golden_data() { addCaseRows(); }
    void golden()
    {
        QFETCH(QString, caseDir);
        const QString input = caseDir + u"/input.py"_s;
        const RevisionReadResult result = PythonRevisionReader::readFile(input);
        for (const Problem &p : result.problems)
            QCOMPARE(p.path, input);
        if (result.revision) {
            QCOMPARE(result.revision->path, input);
            QCOMPARE(result.revision->format, ScriptFormat::Python);
        }
        const QJsonObject actual{{u"revision"_s, golden::revisionToJson(result.revision)},
                                 {u"problems"_s, golden::problemsToJson(result.problems)}};
        QString difference;
        QVERIFY2(golden::matchesExpected(caseDir, actual, &difference), qPrintable(difference));
    }

    // Line endings are not content: a CRLF copy of every case reads the same.
    void crlfInvariant_data() { addCaseRows(); }
    void crlfInvariant()
    {
        QFETCH(QString, caseDir);
        QFile file(caseDir + u"/input.py"_s);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QByteArray lf = file.readAll();
        lf.replace("\r\n", "\n");
        QByteArray crlf = lf;
        crlf.replace("\n", "\r\n");
        const RevisionReadResult a = PythonRevisionReader::read(lf, u"x.py"_s);
        const RevisionReadResult b = PythonRevisionReader::read(crlf, u"x.py"_s);
        QCOMPARE(b.revision.has_value(), a.revision.has_value());
        if (a.revision)
            QCOMPARE(*b.revision, *a.revision);
        QCOMPARE(golden::problemsToJson(b.problems), golden::problemsToJson(a.problems));
    }

    // Every truncation of every case ends somewhere in the middle of a token, a string or a
    // bracket: the reader must return (with or without a revision), never hang or crash, and
    // function ranges must stay inside the text.
    void truncatedInputs_data() { addCaseRows(); }
    void truncatedInputs()
    {
        QFETCH(QString, caseDir);
        QFile file(caseDir + u"/input.py"_s);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray full = file.readAll();
        for (qsizetype n = 0; n <= full.size(); ++n) {
            const QByteArray part = full.left(n);
            const RevisionReadResult r = PythonRevisionReader::read(part, u"x.py"_s);
            const int lines = int(part.count('\n')) + 1;
            if (r.revision) {
                QVERIFY(!r.revision->id.isEmpty());
                QVERIFY(r.revision->line >= 1 && r.revision->line <= lines);
                QVERIFY(r.revision->upgradeLines.last <= lines);
                QVERIFY(r.revision->downgradeLines.last <= lines);
            }
            for (const Problem &p : r.problems)
                QVERIFY(p.line >= 0 && p.line <= lines);
        }
    }

    void unreadableFile()
    {
        const RevisionReadResult r = PythonRevisionReader::readFile(u"/nonexistent/dir/abc_x.py"_s);
        QVERIFY(!r.revision);
        QCOMPARE(r.problems.size(), 1);
        QCOMPARE(r.problems.first().kind, u"UnreadableFile"_s);
        QCOMPARE(r.problems.first().path, u"/nonexistent/dir/abc_x.py"_s);
    }
};

QTEST_GUILESS_MAIN(TestPythonRevisionReader)
#include "tst_pythonrevisionreader.moc"
