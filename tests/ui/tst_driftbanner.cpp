// The drift banner in the window on the offscreen platform, on a real SQLite file: hidden while
// the schema is what the history says, the differences after a column is added by hand (on
// connect and after a run), and for a database without version rows "Identify…", whose exact
// match is offered as "Stamp as <revision>" through the usual stamp flow and its confirmation.
#include "MainWindow.h"
#include "TestProject.h"
#include "drift/DriftBanner.h"
#include "graph/RevisionGraphModel.h"
#include "run/MigrationController.h"

#include <QPushButton>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QUuid>

using namespace retort;
using namespace retort::ui;
using namespace Qt::StringLiterals;

namespace {

bool execute(const QString &file, const QString &statement)
{
    const QString name = QUuid::createUuid().toString();
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(file);
        if (db.open()) {
            QSqlQuery query(db);
            ok = query.exec(statement);
        }
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

QStringList rows(const QString &file)
{
    const QString name = QUuid::createUuid().toString();
    QStringList values;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(file);
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(u"SELECT version_num FROM alembic_version"_s)) {
                while (query.next())
                    values << query.value(0).toString();
            }
        }
    }
    QSqlDatabase::removeDatabase(name);
    return values;
}

bool runAndWait(MainWindow &window, const MigrationRequest &request)
{
    QSignalSpy finished(window.controller(), &MigrationController::runFinished);
    window.controller()->request(request);
    if (!finished.wait(20000) && finished.isEmpty())
        return false;
    return finished.first().first().value<RunOutcome>().ok();
}

} // namespace

class TestDriftBanner : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        qputenv("XDG_CACHE_HOME", QFile::encodeName(m_home.filePath(u".cache"_s)));
    }

    void driftThenIdentifyThenStamp()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath(u"project"_s);
        writeProject(project,
                     {{u"a00000000001"_s, QString(), u"CREATE TABLE a (id INTEGER PRIMARY KEY);"_s},
                      {u"b00000000002"_s, u"a00000000001"_s, u"ALTER TABLE a ADD COLUMN b INTEGER;"_s}});
        const QString url = sqliteUrl(dir);
        const QString file = dir.filePath(u"test.db"_s);

        MainWindow window;
        int confirmations = 0;
        window.setConfirmer([&](const PlanReview &) {
            ++confirmations;
            return true;
        });
        window.openProject(project, url);
        QTRY_VERIFY(window.graphModel()->hasDatabaseState());
        DriftBanner *banner = window.findChild<DriftBanner *>();
        QVERIFY(banner);
        QVERIFY(runAndWait(window, MigrationRequest::upgrade()));
        QCOMPARE(confirmations, 1);
        QTRY_VERIFY_WITH_TIMEOUT(!window.isDriftChecking(), 20000);
        QVERIFY(banner->isHidden());

        // A column added by hand shows on the next connect.
        QVERIFY(execute(file, u"ALTER TABLE a ADD COLUMN by_hand TEXT"_s));
        window.connectTo(url);
        QTRY_VERIFY_WITH_TIMEOUT(!banner->isHidden(), 20000);
        QVERIFY2(banner->message().contains(u"b00000000002"_s), qPrintable(banner->message()));
        QVERIFY2(banner->details().contains(u"add_column a.by_hand"_s), qPrintable(banner->details()));
        QVERIFY(banner->identifyButton()->isHidden());
        QVERIFY(banner->stampButton()->isHidden());

        // Undone, and the version table gone: on connect, "Identify…".
        QVERIFY(execute(file, u"ALTER TABLE a DROP COLUMN by_hand"_s));
        QVERIFY(execute(file, u"DROP TABLE alembic_version"_s));
        window.connectTo(url);
        QTRY_VERIFY_WITH_TIMEOUT(!banner->identifyButton()->isHidden() && !banner->isHidden(), 20000);
        QVERIFY2(banner->message().contains(u"Identify"_s), qPrintable(banner->message()));

        QTest::mouseClick(banner->identifyButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!banner->stampButton()->isHidden(), 20000);
        QCOMPARE(banner->stampRevision(), u"b00000000002"_s);
        QCOMPARE(banner->stampButton()->text(), u"Stamp as b00000000002"_s);

        // Through the stamp flow and its confirmation; then no drift and no banner.
        QSignalSpy finished(window.controller(), &MigrationController::runFinished);
        QTest::mouseClick(banner->stampButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        QCOMPARE(confirmations, 2);
        QCOMPARE(rows(file), QStringList{u"b00000000002"_s});
        QTRY_VERIFY_WITH_TIMEOUT(banner->isHidden(), 20000);
        QTRY_VERIFY(!window.isDriftChecking());
        QVERIFY(banner->isHidden());
    }

    void closestRevisionWithoutExactMatch()
    {
        DriftBanner banner;
        IdentifyReport report;
        IdentifyCandidate closest;
        closest.revision = u"a00000000001"_s;
        SchemaChange change;
        change.kind = SchemaChange::Kind::AddTable;
        change.table = u"stray"_s;
        closest.differences = {change};
        closest.distance = 1;
        report.candidates = {closest};
        banner.showIdentify(report);
        QVERIFY(!banner.isHidden());
        QVERIFY(banner.stampButton()->isHidden());
        QVERIFY2(banner.message().contains(u"closest is a00000000001"_s), qPrintable(banner.message()));
        QVERIFY(banner.details().contains(u"add_table stray"_s));

        RunError unknown = RunError::make(ErrorKind::ResolutionError, u"unknown"_s, u"0ddba11"_s);
        banner.showFailure(unknown, false);
        QVERIFY(!banner.identifyButton()->isHidden());
        QVERIFY(banner.message().contains(u"0ddba11"_s));
    }

private:
    QTemporaryDir m_home;
};

QTEST_MAIN(TestDriftBanner)
#include "tst_driftbanner.moc"
