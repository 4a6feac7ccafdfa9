// What upgrade, downgrade and stamp say when they finish, on a native project and a real SQLite
// file: counted steps with the right plural, "reverted" for downgrades, "Stamped" for stamps.
#include "CliProcess.h"
#include "NativeProject.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestCliMessages : public QObject
{
    Q_OBJECT

private slots:
    void eachVerbSaysWhatItDid();
};

void TestCliMessages::eachVerbSaysWhatItDid()
{
    NativeProject p;
    QVERIFY(p.dir.isValid());
    QVERIFY(p.addRevision(u"aaa1"_s, QString()));
    QVERIFY(p.addRevision(u"bbb2"_s, u"aaa1"_s));
    QVERIFY(p.addRevision(u"ccc3"_s, u"bbb2"_s));

    struct Case
    {
        QStringList arguments;
        QString said;
        QStringList rows;
    };
    const QList<Case> cases = {
        {{u"upgrade"_s}, u"3 steps applied; the database is at ccc3"_s, {u"ccc3"_s}},
        {{u"downgrade"_s, u"-1"_s}, u"1 step reverted; the database is at bbb2"_s, {u"bbb2"_s}},
        {{u"upgrade"_s, u"+1"_s}, u"1 step applied; the database is at ccc3"_s, {u"ccc3"_s}},
        {{u"downgrade"_s, u"base"_s}, u"3 steps reverted; the database is at "_s, {}},
        {{u"stamp"_s, u"bbb2"_s}, u"Stamped; the database is at bbb2"_s, {u"bbb2"_s}},
    };
    for (const Case &c : cases) {
        const CliResult run = p.retort(c.arguments);
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QVERIFY2(run.err.contains(c.said), qPrintable(c.said + u"\n"_s + describe(run)));
        QVERIFY2(!run.err.contains(u"step(s)"_s), qPrintable(describe(run)));
        QCOMPARE(p.rows(), c.rows);
    }
}

QTEST_GUILESS_MAIN(TestCliMessages)
#include "tst_cli_messages.moc"
