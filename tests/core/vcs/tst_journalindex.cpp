#include "run/JournalIndex.h"

#include <QTest>

using namespace Qt::StringLiterals;
using retort::JournalEntry;
using retort::JournalIndex;
using retort::RevisionJournal;

namespace {

// "id direction revision outcome minute" per row, e.g. "3 upgrade a1 applied 10";
// id 0 means a row without one; minute -1 means no times.
QList<JournalEntry> rows(const QString &text)
{
    QList<JournalEntry> entries;
    for (const QString &line : text.split(u';', Qt::SkipEmptyParts)) {
        const QStringList words = line.trimmed().split(u' ');
        JournalEntry entry;
        entry.id = words[0].toLongLong();
        entry.direction = words[1];
        entry.revision = words[2];
        entry.outcome = words[3];
        const int minute = words[4].toInt();
        if (minute >= 0) {
            entry.startedAt = QDateTime(QDate(2025, 1, 1), QTime(10, 0), Qt::UTC).addSecs(minute * 60);
            entry.finishedAt = entry.startedAt.addSecs(30);
        }
        entry.appliedBy = u"row%1@host"_s.arg(entries.size());
        entries.append(entry);
    }
    return entries;
}

// Which input row (by position) fills a slot; -1 for none.
int rowOf(const std::optional<JournalEntry> &slot)
{
    return slot ? slot->appliedBy.mid(3, slot->appliedBy.indexOf(u'@') - 3).toInt() : -1;
}

} // namespace

class TestJournalIndex : public QObject
{
    Q_OBJECT
private slots:
    void forRevision_data()
    {
        QTest::addColumn<QString>("journal");
        QTest::addColumn<QString>("revision");
        QTest::addColumn<int>("applied"); // input row, -1 none
        QTest::addColumn<int>("reverted");
        QTest::addColumn<int>("stamped");
        QTest::addColumn<int>("failed");

        QTest::newRow("one upgrade") << u"1 upgrade a applied 0"_s << u"a"_s << 0 << -1 << -1 << -1;
        QTest::newRow("other revision") << u"1 upgrade a applied 0"_s << u"b"_s << -1 << -1 << -1 << -1;
        QTest::newRow("applied, reverted, applied again")
            << u"1 upgrade a applied 0; 2 downgrade a applied 1; 3 upgrade a applied 2"_s << u"a"_s << 2 << 1 << -1
            << -1;
        QTest::newRow("newest by id whatever the order")
            << u"5 upgrade a applied 0; 2 upgrade a applied 9"_s << u"a"_s << 0 << -1 << -1 << -1;
        QTest::newRow("without ids: the later finish")
            << u"0 upgrade a applied 9; 0 upgrade a applied 3"_s << u"a"_s << 0 << -1 << -1 << -1;
        QTest::newRow("without ids or times: the later row")
            << u"0 upgrade a applied -1; 0 upgrade a applied -1"_s << u"a"_s << 1 << -1 << -1 << -1;
        QTest::newRow("a failure is not an application")
            << u"1 upgrade a applied 0; 2 upgrade a failed 1"_s << u"a"_s << 0 << -1 << -1 << 1;
        QTest::newRow("failed downgrade") << u"1 downgrade a failed 0"_s << u"a"_s << -1 << -1 << -1 << 0;
        QTest::newRow("stamp names several targets") << u"1 stamp a,b applied 0"_s << u"b"_s << -1 << -1 << 0 << -1;
        QTest::newRow("stamp, first target") << u"1 stamp a,b applied 0"_s << u"a"_s << -1 << -1 << 0 << -1;
        QTest::newRow("stamp to base names nothing") << u"1 stamp , applied 0"_s << u""_s << -1 << -1 << -1 << -1;
        QTest::newRow("unknown direction ignored") << u"1 sideways a applied 0"_s << u"a"_s << -1 << -1 << -1 << -1;
    }

    void forRevision()
    {
        QFETCH(QString, journal);
        QFETCH(QString, revision);
        QFETCH(int, applied);
        QFETCH(int, reverted);
        QFETCH(int, stamped);
        QFETCH(int, failed);
        const JournalIndex index(rows(journal));
        const RevisionJournal found = index.forRevision(revision);
        QCOMPARE(rowOf(found.applied), applied);
        QCOMPARE(rowOf(found.reverted), reverted);
        QCOMPARE(rowOf(found.stamped), stamped);
        QCOMPARE(rowOf(found.failed), failed);
        QCOMPARE(found.isEmpty(), applied < 0 && reverted < 0 && stamped < 0 && failed < 0);
    }

    void emptyJournal()
    {
        const JournalIndex index(QList<JournalEntry>{});
        QVERIFY(index.isEmpty());
        QVERIFY(index.forRevision(u"a"_s).isEmpty());
        QVERIFY(JournalIndex(rows(u"1 sideways a applied 0"_s)).isEmpty());
        QCOMPARE(JournalIndex(rows(u"1 upgrade a applied 0; 2 upgrade b applied 1"_s)).revisionCount(), 2);
    }
};

QTEST_GUILESS_MAIN(TestJournalIndex)
#include "tst_journalindex.moc"
