// What upgrade, downgrade and stamp say when they finish, on a native project and a real SQLite
// file: counted steps with the right plural, "reverted" for downgrades, "Stamped" for stamps; and
// harmless warnings about the files listed by check and -v, elsewhere counted in one line.
#include "CliProcess.h"
#include "NativeProject.h"

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;

class TestCliMessages : public QObject
{
    Q_OBJECT

private slots:
    void eachVerbSaysWhatItDid();
    void fileWarningsAreCountedOutsideCheck();
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

void TestCliMessages::fileWarningsAreCountedOutsideCheck()
{
    NativeProject p;
    QVERIFY(p.dir.isValid());
    QVERIFY(p.addRevision(u"aaa1"_s, QString()));
    // Two unknown header keys: warnings that leave the revision usable.
    QFile extra(p.versions() + u"/bbb2_step.sql"_s);
    QVERIFY(extra.open(QIODevice::WriteOnly));
    extra.write("-- Revision ID: bbb2\n-- Revises: aaa1\n-- Author: someone\n-- Reviewer: someone else\n\n"
                "-- +upgrade\nCREATE TABLE t_bbb2 (id INTEGER PRIMARY KEY);\n");
    extra.close();
    const QString detail = u"unknown header \"Author\""_s;

    for (const QStringList &arguments : {QStringList{u"heads"_s}, QStringList{u"upgrade"_s}}) {
        const CliResult run = p.retort(arguments);
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QVERIFY2(run.err.contains(u"retort: 2 warnings about the migration files; 'retort check' or -v lists them"_s),
                 qPrintable(describe(run)));
        QVERIFY2(!run.err.contains(detail), qPrintable(describe(run)));
    }
    QCOMPARE(p.rows(), QStringList{u"bbb2"_s});
    for (const QStringList &arguments : {QStringList{u"-v"_s, u"heads"_s}, QStringList{u"check"_s}}) {
        const CliResult run = p.retort(arguments);
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QCOMPARE(run.err.count(u"retort: warning: "_s), 2);
        QVERIFY2(run.err.contains(detail), qPrintable(describe(run)));
        QVERIFY2(!run.err.contains(u"2 warnings about"_s), qPrintable(describe(run)));
    }
}

QTEST_GUILESS_MAIN(TestCliMessages)
#include "tst_cli_messages.moc"
