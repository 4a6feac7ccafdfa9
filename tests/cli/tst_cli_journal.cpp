// `retort log` and `retort check` on native SQL projects with a real SQLite database: the journal
// rows the runs leave, and each kind of problem `check` exists to catch.
#include "CliProcess.h"
#include "NativeProject.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;

class TestCliJournal : public QObject
{
    Q_OBJECT

private slots:
    void logRecordsEachStepOldestFirst();
    void logWithoutJournalTable_data();
    void logWithoutJournalTable();
    void check_data();
    void check();
    void checkRecoversAfterStampPurge();
};

void TestCliJournal::logRecordsEachStepOldestFirst()
{
    NativeProject p;
    QVERIFY(p.dir.isValid());
    QVERIFY(p.addRevision(u"aaa1"_s, QString()));
    QVERIFY(p.addRevision(u"bbb2"_s, u"aaa1"_s));
    QVERIFY(p.addRevision(u"ccc3"_s, u"bbb2"_s));

    CliResult run = p.retort({u"upgrade"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    run = p.retort({u"downgrade"_s, u"-1"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));

    const CliResult log = p.retort({u"log"_s, u"--json"_s});
    QVERIFY2(log.exitCode == 0, qPrintable(describe(log)));
    const QJsonArray entries = jsonOf(log).value(u"entries"_s).toArray();
    QCOMPARE(entries.size(), 4);

    struct Expected
    {
        QString revision, direction;
        QStringList before, after;
    };
    const QList<Expected> expected = {
        {u"aaa1"_s, u"upgrade"_s, {}, {u"aaa1"_s}},
        {u"bbb2"_s, u"upgrade"_s, {u"aaa1"_s}, {u"bbb2"_s}},
        {u"ccc3"_s, u"upgrade"_s, {u"bbb2"_s}, {u"ccc3"_s}},
        {u"ccc3"_s, u"downgrade"_s, {u"ccc3"_s}, {u"bbb2"_s}},
    };
    qint64 previousId = 0;
    QDateTime previousStart;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QJsonObject entry = entries.at(i).toObject();
        QCOMPARE(entry.value(u"revision"_s).toString(), expected[i].revision);
        QCOMPARE(entry.value(u"direction"_s).toString(), expected[i].direction);
        QCOMPARE(strings(entry.value(u"heads_before"_s)), expected[i].before);
        QCOMPARE(strings(entry.value(u"heads_after"_s)), expected[i].after);
        QCOMPARE(entry.value(u"outcome"_s).toString(), u"applied"_s);
        QVERIFY(entry.value(u"error"_s).isNull());
        QCOMPARE(entry.value(u"script_sha256"_s).toString(), p.sha256(expected[i].revision));
        QVERIFY(entry.value(u"applied_by"_s).toString().contains(u'@'));
        QVERIFY(!entry.value(u"retort_version"_s).toString().isEmpty());
        QVERIFY(entry.value(u"duration_ms"_s).toInteger() >= 0);
        const qint64 id = entry.value(u"id"_s).toInteger();
        QVERIFY(id > previousId);
        previousId = id;
        const QDateTime started = QDateTime::fromString(entry.value(u"started_at"_s).toString(), Qt::ISODateWithMs);
        const QDateTime finished = QDateTime::fromString(entry.value(u"finished_at"_s).toString(), Qt::ISODateWithMs);
        QVERIFY(started.isValid() && finished.isValid());
        QVERIFY(started <= finished);
        QVERIFY(qAbs(started.secsTo(QDateTime::currentDateTimeUtc())) < 600);
        if (previousStart.isValid())
            QVERIFY(previousStart <= started);
        previousStart = started;
    }

    // The text form: one line per step, in the same order.
    const CliResult text = p.retort({u"log"_s});
    QCOMPARE(text.exitCode, 0);
    const QStringList lines = text.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4);
    QVERIFY2(lines[0].contains(u"upgrade aaa1  <base> -> aaa1"_s), qPrintable(lines[0]));
    QVERIFY2(lines[3].contains(u"downgrade ccc3  ccc3 -> bbb2"_s), qPrintable(lines[3]));
    QVERIFY(lines[3].contains(u"applied"_s));
}

void TestCliJournal::logWithoutJournalTable_data()
{
    QTest::addColumn<QString>("retortSection");
    QTest::addColumn<QString>("advice");
    // Native projects keep a journal unless told not to; the first run creates the table.
    QTest::newRow("native, journal on by default") << QString() << u"created by the next upgrade"_s;
    QTest::newRow("journal turned off") << u"[retort]\njournal = false\n"_s << u"journal = true"_s;
}

void TestCliJournal::logWithoutJournalTable()
{
    QFETCH(QString, retortSection);
    QFETCH(QString, advice);
    NativeProject p;
    QVERIFY(p.addRevision(u"aaa1"_s, QString()));
    if (!retortSection.isEmpty()) {
        QFile ini(p.dir.filePath(u"alembic.ini"_s));
        QVERIFY(ini.open(QIODevice::WriteOnly));
        ini.write((u"[alembic]\nscript_location = %(here)s\n\n"_s + retortSection).toUtf8());
        ini.close();
        // With the journal off, an upgrade leaves no table behind.
        const CliResult run = p.retort({u"upgrade"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    }

    const CliResult json = p.retort({u"log"_s, u"--json"_s});
    QVERIFY2(json.exitCode == 0, qPrintable(describe(json)));
    QCOMPARE(jsonOf(json).value(u"entries"_s).toArray().size(), 0);
    QCOMPARE(jsonOf(json).value(u"table_exists"_s).toBool(), false);
    QVERIFY2(json.err.contains(u"no journal table"_s), qPrintable(json.err));
    QVERIFY2(json.err.contains(advice), qPrintable(json.err));

    const CliResult text = p.retort({u"log"_s});
    QCOMPARE(text.exitCode, 0);
    QVERIFY(text.out.isEmpty());
    QVERIFY(text.err.contains(advice));
}

// Each row builds a history aaa1 -> bbb2 -> ccc3, applies some of it, then does `actions`:
//   upgrade:X      retort upgrade X          edit:X     append a comment to X's file
//   add:X:P        a new revision X on P     delete:X   remove X's file
//   rows:X,Y       rewrite the version table to exactly these rows (another tool's doing)
//   garbage:X      a .sql file in versions/ that is no revision
void TestCliJournal::check_data()
{
    QTest::addColumn<QStringList>("actions");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<int>("heads");
    QTest::addColumn<QStringList>("unknown");
    QTest::addColumn<QStringList>("changed");
    QTest::addColumn<int>("pending");
    QTest::addColumn<QString>("problemKind");
    QTest::addColumn<QString>("textHint");

    QTest::newRow("up to date") << QStringList{u"upgrade:heads"_s} << true << 1 << QStringList() << QStringList() << 0
                                << QString() << u"No pending revisions."_s;
    QTest::newRow("empty database") << QStringList() << true << 1 << QStringList() << QStringList() << 3 << QString()
                                    << u"3 revision(s) pending"_s;
    QTest::newRow("pending alone does not fail") << QStringList{u"upgrade:aaa1"_s} << true << 1 << QStringList()
                                                 << QStringList() << 2 << QString() << u"2 revision(s) pending"_s;
    QTest::newRow("applied script edited")
        << QStringList{u"upgrade:heads"_s, u"edit:bbb2"_s} << false << 1 << QStringList() << QStringList{u"bbb2"_s} << 0
        << QString() << u"was changed after it was applied"_s;
    QTest::newRow("pending script edited is fine") << QStringList{u"upgrade:aaa1"_s, u"edit:ccc3"_s} << true << 1
                                                   << QStringList() << QStringList() << 2 << QString() << u"OK"_s;
    QTest::newRow("re-applied after the edit is fine")
        << QStringList{u"upgrade:heads"_s, u"downgrade:aaa1"_s, u"edit:bbb2"_s, u"upgrade:heads"_s} << true << 1
        << QStringList() << QStringList() << 0 << QString() << u"OK"_s;
    QTest::newRow("database row no file defines")
        << QStringList{u"upgrade:heads"_s, u"rows:fff9"_s} << false << 1 << QStringList{u"fff9"_s} << QStringList() << 3
        << QString() << u"Can't locate revision identified by 'fff9'"_s;
    QTest::newRow("applied head's file deleted")
        << QStringList{u"upgrade:heads"_s, u"delete:ccc3"_s} << false << 1 << QStringList{u"ccc3"_s} << QStringList()
        << 2 << QString() << u"stamp --purge"_s;
    QTest::newRow("two heads in the files") << QStringList{u"upgrade:heads"_s, u"add:ddd4:aaa1"_s} << false << 2
                                            << QStringList() << QStringList() << 1 << QString() << u"flask db merge"_s;
    QTest::newRow("missing parent in a file") << QStringList{u"upgrade:heads"_s, u"add:ddd4:zzz0"_s} << false << 2
                                              << QStringList() << QStringList() << 1 << u"zzz0"_s << u"ERROR: "_s;
    QTest::newRow("file without a revision id")
        << QStringList{u"upgrade:heads"_s, u"garbage:notes"_s} << false << 1 << QStringList() << QStringList() << 0
        << u"notes_step.sql"_s << u"Revision ID"_s;
}

void TestCliJournal::check()
{
    QFETCH(QStringList, actions);
    QFETCH(bool, ok);
    QFETCH(int, heads);
    QFETCH(QStringList, unknown);
    QFETCH(QStringList, changed);
    QFETCH(int, pending);
    QFETCH(QString, problemKind);
    QFETCH(QString, textHint);

    NativeProject p;
    QVERIFY(p.dir.isValid());
    QVERIFY(p.addRevision(u"aaa1"_s, QString()));
    QVERIFY(p.addRevision(u"bbb2"_s, u"aaa1"_s));
    QVERIFY(p.addRevision(u"ccc3"_s, u"bbb2"_s));
    QHash<QString, QString> appliedSha;
    for (const QString &action : std::as_const(actions)) {
        const QStringList parts = action.split(u':');
        const QString &what = parts[0];
        if (what == u"upgrade" || what == u"downgrade") {
            const CliResult run = p.retort({what, parts[1]});
            QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
            for (const QString &id : {u"aaa1"_s, u"bbb2"_s, u"ccc3"_s})
                appliedSha.insert(id, p.sha256(id));
        } else if (what == u"edit") {
            QVERIFY(p.append(parts[1], "-- a later edit\n"));
        } else if (what == u"add") {
            QVERIFY(p.addRevision(parts[1], parts[2]));
        } else if (what == u"delete") {
            QVERIFY(QFile::remove(p.file(parts[1])));
        } else if (what == u"garbage") {
            QFile f(p.file(parts[1]));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("-- Message: not a revision\n\n-- +upgrade\nSELECT 1;\n");
        } else if (what == u"rows") {
            QVERIFY(p.setRows(parts[1].split(u',')));
        } else {
            QFAIL(qPrintable(action));
        }
    }

    const CliResult json = p.retort({u"check"_s, u"--json"_s});
    QVERIFY2(!json.crashed, qPrintable(describe(json)));
    QVERIFY2(json.exitCode == (ok ? 0 : 1), qPrintable(describe(json)));
    const QJsonObject report = jsonOf(json);
    QCOMPARE(report.value(u"ok"_s).toBool(), ok);
    QCOMPARE(report.value(u"heads"_s).toArray().size(), heads);
    QCOMPARE(strings(report.value(u"unknown_database_heads"_s)), unknown);
    QCOMPARE(report.value(u"pending"_s).toInt(), pending);
    // The first run creates the journal table; before it, changed scripts cannot be looked for.
    QCOMPARE(report.value(u"journal"_s).toBool(), !actions.isEmpty());
    QStringList changedIds;
    for (const QJsonValue &value : report.value(u"changed_scripts"_s).toArray()) {
        const QJsonObject script = value.toObject();
        const QString id = script.value(u"revision"_s).toString();
        changedIds << id;
        QCOMPARE(QFileInfo(script.value(u"path"_s).toString()).canonicalFilePath(),
                 QFileInfo(p.file(id)).canonicalFilePath());
        QCOMPARE(script.value(u"applied_sha256"_s).toString(), appliedSha.value(id));
        QCOMPARE(script.value(u"current_sha256"_s).toString(), p.sha256(id));
        QVERIFY(appliedSha.value(id) != p.sha256(id));
    }
    QCOMPARE(changedIds, changed);
    const QJsonArray problems = report.value(u"problems"_s).toArray();
    if (problemKind.isEmpty()) {
        QVERIFY2(problems.isEmpty(), qPrintable(json.out));
    } else {
        const QString all = QString::fromUtf8(QJsonDocument(problems).toJson());
        QVERIFY2(all.contains(problemKind), qPrintable(all));
        QVERIFY(all.contains(u"\"error\""_s));
    }

    const CliResult text = p.retort({u"check"_s});
    QCOMPARE(text.exitCode, json.exitCode);
    QVERIFY2(text.out.contains(textHint), qPrintable(describe(text)));
    QVERIFY(text.out.trimmed().endsWith(ok ? u"OK"_s : u"FAILED"_s));
}

// The way out of "Can't locate revision": stamp --purge to a known revision, then upgrade.
void TestCliJournal::checkRecoversAfterStampPurge()
{
    NativeProject p;
    QVERIFY(p.addRevision(u"aaa1"_s, QString()));
    QVERIFY(p.addRevision(u"bbb2"_s, u"aaa1"_s));
    QCOMPARE(p.retort({u"upgrade"_s}).exitCode, 0);
    QVERIFY(p.setRows({u"0dd0"_s}));
    QCOMPARE(p.retort({u"check"_s}).exitCode, 1);

    const CliResult stamp = p.retort({u"stamp"_s, u"--purge"_s, u"aaa1"_s});
    QVERIFY2(stamp.exitCode == 0, qPrintable(describe(stamp)));
    // The database still has bbb2's table, which a stamp to aaa1 does not account for: drift.
    const CliResult drifted = p.retort({u"check"_s, u"--json"_s});
    QCOMPARE(drifted.exitCode, 1);
    const QJsonArray changes = jsonOf(drifted).value(u"drift"_s).toObject().value(u"changes"_s).toArray();
    QCOMPARE(changes.size(), 1);
    QCOMPARE(changes.at(0).toObject().value(u"table"_s).toString(), u"t_bbb2"_s);
    const CliResult check = p.retort({u"check"_s, u"--no-drift"_s, u"--json"_s});
    QVERIFY2(check.exitCode == 0, qPrintable(describe(check)));
    QCOMPARE(strings(jsonOf(check).value(u"database_heads"_s)), QStringList{u"aaa1"_s});
    QCOMPARE(jsonOf(check).value(u"pending"_s).toInt(), 1);
}

QTEST_GUILESS_MAIN(TestCliJournal)
#include "tst_cli_journal.moc"
