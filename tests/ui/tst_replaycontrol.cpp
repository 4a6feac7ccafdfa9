// Starting and stopping the window's schema replay: Schema > Stop Replay stops a running one and
// nothing of it arrives afterwards; on PostgreSQL without shadow_url the window replays only on a
// server the person accepted (asked once, remembered), and leaves no scratch database behind.
#include "MainWindow.h"
#include "ShadowDatabases.h"
#include "TestDatabase.h"
#include "TestProject.h"
#include "details/RevisionDetailsView.h"
#include "details/SchemaReplayLoader.h"
#include "details/SchemaView.h"
#include "graph/RevisionGraphModel.h"
#include "project/ShadowServerConsent.h"

#include <QAction>
#include <QDir>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace retort;
using namespace retort::ui;
using namespace Qt::StringLiterals;

namespace {

// A chain of `count` revisions, each adding a table: long enough that a replay is still running
// when the test stops it.
QList<TestRevision> chain(int count)
{
    QList<TestRevision> revisions;
    QString parent;
    for (int i = 1; i <= count; ++i) {
        const QString id = u"c%1"_s.arg(i, 11, 10, QLatin1Char('0'));
        revisions.append({id, parent, u"CREATE TABLE t%1 (id INTEGER PRIMARY KEY);"_s.arg(i)});
        parent = id;
    }
    return revisions;
}

} // namespace

class TestReplayControl : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        qputenv("HOME", QFile::encodeName(m_home.path()));
        qputenv("XDG_CACHE_HOME", QFile::encodeName(m_home.filePath(u".cache"_s)));
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_home.filePath(u".config"_s)));
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void stopEndsARunningReplay()
    {
        QTemporaryDir dir;
        QVERIFY(!writeProject(dir.path(), chain(300)).isEmpty());
        MainWindow window;
        auto *loader = window.findChild<SchemaReplayLoader *>();
        QVERIFY(loader);
        QAction *replay = window.action(u"replaySchemas"_s);
        QAction *stop = window.action(u"stopReplay"_s);
        QVERIFY(replay && stop);
        QSignalSpy finished(loader, &SchemaReplayLoader::finished);
        window.openProject(dir.path(), sqliteUrl(dir));
        // Opening starts the replay; its result can only arrive through the event loop.
        QVERIFY(loader->isRunning());
        QVERIFY(stop->isEnabled());
        QVERIFY(!replay->isEnabled());
        stop->trigger();
        QVERIFY(!loader->isRunning());
        QVERIFY(!stop->isEnabled());
        QVERIFY(replay->isEnabled());
        QVERIFY(window.detailsView()->schemaView()->caption().contains(u"stopped"_s));
        // The stopped job winds down in the background and reports nothing.
        QTest::qWait(500);
        QVERIFY(finished.isEmpty());
        RevisionGraphModel *model = window.graphModel();
        const QString last = u"c00000000300"_s;
        QVERIFY(
            model->index(model->rowOfRevision(last), RevisionGraphModel::ChangesColumn).data().toString().isEmpty());

        // Replay Schemas starts it again, and this time it runs to the end.
        replay->trigger();
        QVERIFY(loader->isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 120000);
        QVERIFY(!loader->isRunning());
        QVERIFY(!stop->isEnabled());
        QCOMPARE(model->index(model->rowOfRevision(last), RevisionGraphModel::ChangesColumn).data().toString(),
                 u"+1 table"_s);
    }

    void postgresReplaysOnlyOnAnAcceptedServer()
    {
        QString failure;
        auto database = TestDatabase::create(u"postgresql"_s, &failure);
        QVERIFY2(database, qPrintable(failure));
        QTemporaryDir dir;
        QVERIFY(!writeProject(dir.path(),
                              {{u"a00000000001"_s, QString(), u"CREATE TABLE t (id INTEGER PRIMARY KEY);"_s},
                               {u"a00000000002"_s, u"a00000000001"_s, u"ALTER TABLE t ADD COLUMN name TEXT;"_s}})
                     .isEmpty());
        const QStringList shadowsBefore = shadowDatabases();

        MainWindow window;
        auto *loader = window.findChild<SchemaReplayLoader *>();
        QSignalSpy finished(loader, &SchemaReplayLoader::finished);
        QStringList asked;
        bool accept = false;
        window.setShadowOffer([&](const QString &server) {
            asked.append(server);
            return accept;
        });
        // Opening never creates databases on a server nobody agreed to, and never asks either.
        window.openProject(dir.path(), database->url());
        QVERIFY(!loader->isRunning());
        QVERIFY(asked.isEmpty());
        QVERIFY2(window.detailsView()->schemaView()->caption().contains(u"Replay Schemas"_s),
                 qPrintable(window.detailsView()->schemaView()->caption()));

        // Declining keeps it that way and remembers nothing.
        window.action(u"replaySchemas"_s)->trigger();
        QCOMPARE(asked.size(), 1);
        QVERIFY(asked.first().contains(u"127.0.0.1"_s));
        QVERIFY(!asked.first().contains(database->name()));
        QVERIFY(!loader->isRunning());
        QVERIFY(!ShadowServerConsent::granted(*DatabaseUrl::parse(database->url())));

        // Accepting replays on scratch databases of that server and remembers the server.
        accept = true;
        window.action(u"replaySchemas"_s)->trigger();
        QCOMPARE(asked.size(), 2);
        QVERIFY(loader->isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 60000);
        QVERIFY(ShadowServerConsent::granted(*DatabaseUrl::parse(database->url())));
        window.selectRevision(u"a00000000002"_s);
        QCOMPARE(window.detailsView()->schemaView()->tree()->topLevelItemCount(), 1);
        QCOMPARE(shadowDatabases(), shadowsBefore);

        // The next opening replays without asking again.
        finished.clear();
        window.openProject(dir.path(), database->url());
        QVERIFY(loader->isRunning());
        QCOMPARE(asked.size(), 2);
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 60000);
        QCOMPARE(shadowDatabases(), shadowsBefore);
    }

private:
    QTemporaryDir m_home;
};

QTEST_MAIN(TestReplayControl)
#include "tst_replaycontrol.moc"
