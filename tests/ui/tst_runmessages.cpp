// What the window's log says when a run ends: "Finished: 3 steps applied", "1 step reverted",
// "stamped", on a real SQLite file through the worker thread. The downgrades run no SQL, so the
// upgrades create their tables only if missing.
#include "MainWindow.h"
#include "TestProject.h"
#include "graph/RevisionGraphModel.h"
#include "run/RunMetaTypes.h"

#include <QSignalSpy>
#include <QTest>

using namespace retort;
using namespace retort::ui;

class TestRunMessages : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("RetortTestRunMessages"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_runmessages"));
    }
    void logSaysWhatEachRunDid();
};

void TestRunMessages::logSaysWhatEachRunDid()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString project = dir.filePath(QStringLiteral("project"));
    writeProject(
        project,
        {{QStringLiteral("a1"), QString(), QStringLiteral("CREATE TABLE IF NOT EXISTS a (id INTEGER);")},
         {QStringLiteral("b2"), QStringLiteral("a1"), QStringLiteral("CREATE TABLE IF NOT EXISTS b (id INTEGER);")},
         {QStringLiteral("c3"), QStringLiteral("b2"), QStringLiteral("CREATE TABLE IF NOT EXISTS c (id INTEGER);")}});
    MainWindow window;
    window.setConfirmer([](const PlanReview &) { return true; });
    QStringList errors;
    window.setErrorPresenter([&errors](const RunError &error) { errors << error.toString(); });
    window.openProject(project, sqliteUrl(dir));
    QTRY_VERIFY(window.graphModel()->hasDatabaseState());

    const QList<std::pair<MigrationRequest, QString>> runs = {
        {MigrationRequest::upgrade(), QStringLiteral("Finished: 3 steps applied")},
        {MigrationRequest::downgrade(QStringLiteral("-1")), QStringLiteral("Finished: 1 step reverted")},
        {MigrationRequest::downgrade(QStringLiteral("base")), QStringLiteral("Finished: 2 steps reverted")},
        {MigrationRequest::upgrade(QStringLiteral("+1")), QStringLiteral("Finished: 1 step applied")},
        {MigrationRequest::stamp({QStringLiteral("c3")}), QStringLiteral("Finished: stamped")},
    };
    for (const auto &[request, said] : runs) {
        QSignalSpy finished(window.controller(), &MigrationController::runFinished);
        window.controller()->request(request);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        QVERIFY2(finished.first().first().value<RunOutcome>().ok(), qPrintable(errors.join(u'\n')));
        const QStringList lines = window.logText().split(QLatin1Char('\n'));
        QVERIFY2(lines.contains(said)
                     || std::any_of(lines.cbegin(), lines.cend(),
                                    [&said](const QString &line) { return line.endsWith(said); }),
                 qPrintable(said + QLatin1String("\n---\n") + window.logText()));
        QTRY_VERIFY(window.graphModel()->hasDatabaseState());
    }
    QVERIFY(!window.logText().contains(QLatin1String("step(s)")));
}

QTEST_MAIN(TestRunMessages)
#include "tst_runmessages.moc"
