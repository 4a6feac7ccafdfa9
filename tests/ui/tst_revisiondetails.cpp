#include "../core/vcs/GitRepo.h"
#include "TestProject.h"
#include "details/GitHistoryLoader.h"
#include "details/RevisionDetailsView.h"
#include "run/MigrationController.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace retort;
using retort::ui::GitHistoryLoader;
using retort::ui::MigrationController;
using retort::ui::RevisionDetailsView;

namespace {

const QString kAuthorDate = u"2024-01-02T10:30:00+01:00"_s;

QString shownTime(const QDateTime &time)
{
    return time.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s);
}

JournalEntry entry(qint64 id, const QString &direction, const QString &revision, const QString &who,
                   const QDateTime &finished, qint64 durationMs, const QString &outcome = u"applied"_s)
{
    JournalEntry row;
    row.id = id;
    row.direction = direction;
    row.revision = revision;
    row.appliedBy = who;
    row.finishedAt = finished;
    row.startedAt = finished.addMSecs(-durationMs);
    row.durationMs = durationMs;
    row.outcome = outcome;
    return row;
}

} // namespace

class TestRevisionDetails : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_project;
    QString m_commit;
    std::shared_ptr<const ProjectSnapshot> m_snapshot;

    RevIndex indexOf(const QString &id) const { return m_snapshot->map().indexOf(id); }

private slots:
    void initTestCase()
    {
        if (!GitRepo::available())
            QFAIL("git is needed for these tests");
        // The repository's top level is above the project.
        GitRepo repo(m_dir.filePath(u"repo"_s));
        QVERIFY(repo.init());
        m_project = repo.path(u"app/migrations"_s);
        QVERIFY(!writeProject(m_project, {{u"a1"_s, QString(), u"CREATE TABLE t (x INTEGER);"_s}}).isEmpty());
        m_commit = repo.commit(u"Add the first revision"_s, u"Alice Example"_s, u"alice@example.org"_s, kAuthorDate);
        QVERIFY2(!m_commit.isEmpty(), qPrintable(repo.error()));
        // A second revision written but not committed.
        QVERIFY(!writeProject(m_project, {{u"b2"_s, u"a1"_s, u"CREATE TABLE u (y INTEGER);"_s}}).isEmpty());
        m_snapshot = ProjectSnapshot::load(m_project, m_project);
        QVERIFY(indexOf(u"a1"_s) >= 0 && indexOf(u"b2"_s) >= 0);
    }

    void gitLine_data()
    {
        QTest::addColumn<QString>("revision");
        QTest::addColumn<bool>("withHistory");
        QTest::addColumn<QString>("expected"); // empty: no git line at all

        const QString added = u"Added by Alice Example <alice@example.org> on %1 (commit %2)"_s.arg(
            shownTime(QDateTime::fromString(kAuthorDate, Qt::ISODate)));
        QTest::newRow("committed") << u"a1"_s << true << added;
        QTest::newRow("not committed") << u"b2"_s << true << u"not committed to git yet"_s;
        QTest::newRow("history not read") << u"a1"_s << false << QString();
    }

    void gitLine()
    {
        QFETCH(QString, revision);
        QFETCH(bool, withHistory);
        QFETCH(QString, expected);
        expected.replace(u"%2"_s, m_commit.left(10));
        RevisionDetailsView view;
        view.showRevision(*m_snapshot, indexOf(revision), std::nullopt);
        QVERIFY(!view.metadataText().contains(u"Added by"_s));
        if (withHistory) {
            const auto history =
                std::make_shared<const GitHistory>(GitHistory::read(m_snapshot->config().versionLocations));
            QVERIFY2(history->failures().isEmpty(), qPrintable(history->failures().join(u'\n')));
            view.setGitHistory(history);
        }
        const QString text = view.metadataText();
        if (expected.isEmpty())
            QVERIFY2(!text.contains(u"Git"_s), qPrintable(text));
        else
            QVERIFY2(text.contains(expected), qPrintable(text));
        QVERIFY(text.contains(u"Revision"_s) && text.contains(revision));
    }

    void journalLines_data()
    {
        QTest::addColumn<int>("state"); // 0 none set, 1 log, 2 unavailable
        QTest::addColumn<bool>("enabled");
        QTest::addColumn<bool>("tableExists");
        QTest::addColumn<QList<JournalEntry>>("rows");
        QTest::addColumn<QStringList>("expected"); // lines, in order

        const QDateTime t1(QDate(2025, 3, 1), QTime(9, 0), Qt::UTC);
        const QDateTime t2 = t1.addDays(1);
        const QString applied = u"Applied by bob@build at %1 (1.5 s)"_s.arg(shownTime(t1));
        QTest::newRow("no database") << 0 << false << false << QList<JournalEntry>{}
                                     << QStringList{u"journal not read: no database connected"_s};
        QTest::newRow("read failed") << 2 << false << false << QList<JournalEntry>{}
                                     << QStringList{u"journal not read: connection refused"_s};
        QTest::newRow("journal off") << 1 << false << false << QList<JournalEntry>{}
                                     << QStringList{u"journal not enabled for this project"_s};
        QTest::newRow("journal on, no table yet")
            << 1 << true << false << QList<JournalEntry>{} << QStringList{u"no journal yet"_s};
        QTest::newRow("not in the journal")
            << 1 << true << true << QList<JournalEntry>{entry(1, u"upgrade"_s, u"b2"_s, u"x@y"_s, t1, 5)}
            << QStringList{u"not in the journal"_s};
        QTest::newRow("applied") << 1 << true << true
                                 << QList<JournalEntry>{entry(1, u"upgrade"_s, u"a1"_s, u"bob@build"_s, t1, 1500)}
                                 << QStringList{applied};
        QTest::newRow("table kept after the journal was turned off")
            << 1 << false << true << QList<JournalEntry>{entry(1, u"upgrade"_s, u"a1"_s, u"bob@build"_s, t1, 1500)}
            << QStringList{applied};
        QTest::newRow("applied then reverted: newest first")
            << 1 << true << true
            << QList<JournalEntry>{entry(1, u"upgrade"_s, u"a1"_s, u"bob@build"_s, t1, 1500),
                                   entry(2, u"downgrade"_s, u"a1"_s, u"carol@laptop"_s, t2, 125'000)}
            << QStringList{u"Reverted by carol@laptop at %1 (2 min 5 s)"_s.arg(shownTime(t2)), applied};
        QTest::newRow("failed run") << 1 << true << true
                                    << QList<JournalEntry>{entry(1, u"upgrade"_s, u"a1"_s, u"bob@build"_s, t1, 1500),
                                                           entry(2, u"upgrade"_s, u"a1"_s, u"dan@ci"_s, t2, 40,
                                                                 u"failed"_s)}
                                    << QStringList{u"Failed (upgrade) for dan@ci at %1"_s.arg(shownTime(t2)), applied};
    }

    void journalLines()
    {
        QFETCH(int, state);
        QFETCH(bool, enabled);
        QFETCH(bool, tableExists);
        QFETCH(QList<JournalEntry>, rows);
        QFETCH(QStringList, expected);
        RevisionDetailsView view;
        view.showRevision(*m_snapshot, indexOf(u"a1"_s), std::nullopt);
        if (state == 1) {
            JournalLog log;
            log.table = u"retort_journal"_s;
            log.enabled = enabled;
            log.tableExists = tableExists;
            log.entries = rows;
            view.setJournal(log);
        } else if (state == 2) {
            view.setJournalUnavailable(u"journal not read: connection refused"_s);
        }
        const QString text = view.metadataText();
        qsizetype from = 0;
        for (const QString &line : expected) {
            const qsizetype at = text.indexOf(line, from);
            QVERIFY2(at >= 0, qPrintable(u"missing (in order) "_s + line + u" in\n"_s + text));
            from = at + line.size();
        }
    }

    void clearedViewStaysEmpty()
    {
        RevisionDetailsView view;
        view.showRevision(*m_snapshot, indexOf(u"a1"_s), std::nullopt);
        view.clear();
        view.setJournal(JournalLog{});
        view.setGitHistory(std::make_shared<const GitHistory>(GitHistory::read({m_project + u"/versions"_s})));
        QVERIFY(view.metadataText().trimmed().isEmpty());
    }

    void loaderAnswersTheNewestRequest()
    {
        GitHistoryLoader loader;
        QSignalSpy spy(&loader, &GitHistoryLoader::loaded);
        QTemporaryDir elsewhere;
        loader.load({elsewhere.path()}); // superseded before it answers
        loader.load(m_snapshot->config().versionLocations);
        QVERIFY(loader.isLoading());
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, 30'000);
        QVERIFY(!loader.isLoading());
        const auto history = spy.at(0).at(0).value<std::shared_ptr<const GitHistory>>();
        QVERIFY(history);
        const auto origin = history->originOf(m_snapshot->map().revision(indexOf(u"a1"_s)).path);
        QVERIFY(origin);
        QCOMPARE(origin->commit, m_commit);
        // The stale request's thread has finished by now, or soon: it must stay silent.
        QTest::qWait(300);
        QCOMPARE(spy.count(), 1);
    }

    void loaderCancelled()
    {
        GitHistoryLoader loader;
        QSignalSpy spy(&loader, &GitHistoryLoader::loaded);
        loader.load(m_snapshot->config().versionLocations);
        loader.cancel();
        QVERIFY(!loader.isLoading());
        QVERIFY(!spy.wait(1500));
    }

    // The controller reads the journal after connecting and after each run, on its worker thread.
    void controllerReadsJournal()
    {
        QTemporaryDir dir;
        QVERIFY(writeProject(dir.path(), {{u"r1"_s, QString(), u"CREATE TABLE t (x INTEGER);"_s}}).size() == 1);
        const auto snapshot = ProjectSnapshot::load(dir.path(), dir.path());
        MigrationController controller;
        controller.setConfirmer([](const PlanReview &) { return true; });
        QSignalSpy journal(&controller, &MigrationController::journalRead);
        QSignalSpy failed(&controller, &MigrationController::journalFailed);
        controller.open(snapshot, sqliteUrl(dir), dir.path());
        QTRY_COMPARE_WITH_TIMEOUT(journal.count(), 1, 30'000);
        const auto first = journal.at(0).at(0).value<JournalLog>();
        QVERIFY(first.enabled); // native SQL projects keep a journal by default
        QVERIFY(first.entries.isEmpty());

        controller.request(MigrationRequest::upgrade());
        QTRY_COMPARE_WITH_TIMEOUT(journal.count(), 2, 30'000);
        QCOMPARE(failed.count(), 0);
        const auto after = journal.at(1).at(0).value<JournalLog>();
        QVERIFY(after.tableExists);
        QCOMPARE(after.entries.size(), 1);
        QCOMPARE(after.entries.at(0).revision, u"r1"_s);

        RevisionDetailsView view;
        view.showRevision(*snapshot, snapshot->map().indexOf(u"r1"_s), std::nullopt);
        view.setJournal(after);
        QVERIFY2(view.metadataText().contains(u"Applied by "_s + JournalEntry::currentUserAtHost()),
                 qPrintable(view.metadataText()));
    }
};

QTEST_MAIN(TestRevisionDetails)
#include "tst_revisiondetails.moc"
