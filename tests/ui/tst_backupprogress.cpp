// Backup Now in the window, on a real SQLite file of about 40 MB: the run panel's bar counts the
// pages copied and the SHA-256 bytes, Cancel is offered, and a cancelled backup (here one waiting
// for a lock another connection holds) leaves no file behind and the database as it was.
#include "FileHash.h"
#include "MainWindow.h"
#include "TestProject.h"
#include "backup/BackupPolicy.h"
#include "graph/RevisionGraphModel.h"
#include "run/MigrationController.h"
#include "run/RunPanel.h"

#include <QAction>
#include <QCryptographicHash>
#include <QDir>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>

using namespace retort;
using namespace retort::ui;
using namespace Qt::StringLiterals;

namespace {

// The window on the demo project, one step applied, and a bulk table that makes the file large.
bool openWithBulk(MainWindow &window, const QTemporaryDir &dir, QString *failure)
{
    window.setConfirmer([](const PlanReview &) { return true; });
    window.openProject(demoDirectory(), sqliteUrl(dir));
    if (!QTest::qWaitFor([&] { return window.graphModel()->hasDatabaseState(); }, 20000)) {
        *failure = u"the database state was never read"_s;
        return false;
    }
    QSignalSpy finished(window.controller(), &MigrationController::runFinished);
    window.controller()->request(MigrationRequest::upgrade(u"+1"_s));
    if (!finished.wait(20000) || !finished.first().first().value<RunOutcome>().ok()) {
        *failure = u"upgrade +1 did not finish"_s;
        return false;
    }
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"fill"_s);
        db.setDatabaseName(dir.filePath(u"test.db"_s));
        QSqlQuery query(db);
        ok = db.open()
            && query.exec(u"CREATE TABLE bulk AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                          "WHERE i < 10000) SELECT i, randomblob(4000) AS payload FROM n"_s);
        if (!ok)
            *failure = query.lastError().text();
    }
    QSqlDatabase::removeDatabase(u"fill"_s);
    return ok;
}

QStringList filesIn(const QString &directory)
{
    return QDir(directory).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
}

} // namespace

class TestBackupProgress : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void backupCountsPagesAndBytes();
    void cancelLeavesNothingBehind();

private:
    QTemporaryDir m_home; // backups land in its data directory
};

void TestBackupProgress::initTestCase()
{
    QCoreApplication::setOrganizationName(u"RetortTest"_s);
    QCoreApplication::setApplicationName(u"tst_backupprogress"_s);
    QVERIFY(m_home.isValid());
    qputenv("HOME", QFile::encodeName(m_home.path()));
    qputenv("XDG_DATA_HOME", QFile::encodeName(m_home.filePath(u".local/share"_s)));
    QStandardPaths::setTestModeEnabled(true);
}

void TestBackupProgress::backupCountsPagesAndBytes()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    MainWindow window;
    QString failure;
    QVERIFY2(openWithBulk(window, dir, &failure), qPrintable(failure));

    // What the bar says after each report, read once the panel has shown it.
    QStringList shown;
    bool cancelOffered = false;
    connect(window.controller(), &MigrationController::transferProgressed, this, [&] {
        shown.append(window.runPanel()->progressBar()->format());
        cancelOffered = cancelOffered || window.runPanel()->cancelButton()->isVisible();
    });
    QSignalSpy taken(window.controller(), &MigrationController::backupTaken);
    window.show();
    window.action(u"backupNow"_s)->trigger();
    QVERIFY(taken.wait(60000));
    const BackupOutcome outcome = taken.first().first().value<BackupOutcome>();

    static const QRegularExpression pages(u"^Copying: ([\\d,]+) of ([\\d,]+) pages$"_s);
    QStringList copying = shown.filter(pages);
    QVERIFY2(copying.size() >= 2, qPrintable(shown.join(u'\n')));
    const QRegularExpressionMatch last = pages.match(copying.last());
    QCOMPARE(last.captured(1), last.captured(2)); // the copy is reported to its last page
    QVERIFY2(!shown.filter(u"Computing SHA-256: "_s).isEmpty(), qPrintable(shown.join(u'\n')));
    QVERIFY(cancelOffered);
    QVERIFY(QFileInfo(outcome.info.path).isFile());
    QTRY_VERIFY(!window.controller()->isBusy());
    QVERIFY(!window.runPanel()->cancelButton()->isVisible());
}

void TestBackupProgress::cancelLeavesNothingBehind()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    MainWindow window;
    QString failure;
    QVERIFY2(openWithBulk(window, dir, &failure), qPrintable(failure));
    const QString database = dir.filePath(u"test.db"_s);
    const QString backups = BackupPolicy::fromConfig(window.graphModel()->snapshot()->config()).directory;
    const QStringList before = filesIn(backups);
    const QByteArray digest = fileSha256(database);

    // Another connection holds the database exclusively: the backup waits for it until cancelled.
    QSqlDatabase holder = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"holder"_s);
    holder.setDatabaseName(database);
    QVERIFY(holder.open());
    {
        QSqlQuery query(holder);
        QVERIFY(query.exec(u"PRAGMA journal_mode"_s) && query.next());
        QCOMPARE(query.value(0).toString(), u"delete"_s); // in WAL mode readers are never locked out
        QVERIFY2(query.exec(u"BEGIN EXCLUSIVE"_s), qPrintable(query.lastError().text()));
    }

    QSignalSpy cancelled(window.controller(), &MigrationController::taskCancelled);
    QSignalSpy taken(window.controller(), &MigrationController::backupTaken);
    window.show();
    window.action(u"backupNow"_s)->trigger();
    QPushButton *cancel = window.runPanel()->cancelButton();
    QTRY_VERIFY(cancel->isVisible() && cancel->isEnabled());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QVERIFY(cancelled.wait(30000));
    QVERIFY(taken.isEmpty());
    QVERIFY2(cancelled.first().first().toString().contains(u"nothing was kept"_s),
             qPrintable(cancelled.first().first().toString()));
    QVERIFY2(window.logText().contains(u"Cancelled: "_s), qPrintable(window.logText()));
    QTRY_VERIFY(!window.controller()->isBusy());
    QCOMPARE(filesIn(backups), before);

    {
        QSqlQuery query(holder);
        QVERIFY(query.exec(u"ROLLBACK"_s));
    }
    holder.close();
    holder = QSqlDatabase();
    QSqlDatabase::removeDatabase(u"holder"_s);
    QCOMPARE(fileSha256(database), digest);
}

QTEST_MAIN(TestBackupProgress)
#include "tst_backupprogress.moc"
