// The bad-input corpus in the window: the cases with a window fragment are opened in the real
// MainWindow on the offscreen platform. Each must show its message in the Problems panel, in the
// error dialog (intercepted) when an upgrade is asked for, or in the log when the database cannot
// be reached at all; nothing may crash, nothing may be run, and the database stays as it was.
#include "BadInputCorpus.h"
#include "MainWindow.h"
#include "graph/ProblemListModel.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace retort;
using namespace retort::ui;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(BadInputCase)

class TestBadInputWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void shownInTheWindow_data();
    void shownInTheWindow();

private:
    QTemporaryDir m_home;
};

void TestBadInputWindow::initTestCase()
{
    QCoreApplication::setOrganizationName(u"RetortTest"_s);
    QCoreApplication::setApplicationName(u"tst_badinput_window"_s);
    QVERIFY(m_home.isValid());
    qputenv("HOME", QFile::encodeName(m_home.path()));
    qputenv("XDG_DATA_HOME", QFile::encodeName(m_home.filePath(u".local/share"_s)));
    QStandardPaths::setTestModeEnabled(true);
}

void TestBadInputWindow::shownInTheWindow_data()
{
    QTest::addColumn<BadInputCase>("input");
    int rows = 0;
    for (const BadInputCase &c : badInputCases()) {
        if (c.windowFragment.isEmpty() || c.postgres)
            continue;
        QTest::newRow(qPrintable(c.name)) << c;
        ++rows;
    }
    QVERIFY2(rows >= 15, qPrintable(QString::number(rows)));
}

void TestBadInputWindow::shownInTheWindow()
{
    QFETCH(BadInputCase, input);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    BadInputProject project(dir.path());
    const QString built = input.build(project);
    QVERIFY2(built.isEmpty(), qPrintable(built));
    QVERIFY2(!project.needsPermissions, "the window test runs in this process and cannot drop root");
    QString failure;
    const QByteArray before = project.fingerprint(&failure);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));

    {
        MainWindow window;
        QStringList errors;
        window.setErrorPresenter([&errors](const RunError &error) { errors.append(error.toString()); });
        int confirmations = 0;
        window.setConfirmer([&confirmations](const PlanReview &) {
            ++confirmations;
            return false; // a bad input must never get as far as a run
        });
        window.openProject(project.project, project.url);

        const QString &fragment = input.windowFragment;
        const auto inProblems = [&] {
            const Problems &problems = window.problemModel()->problems();
            return std::any_of(problems.cbegin(), problems.cend(),
                               [&](const Problem &problem) { return problem.toString().contains(fragment); });
        };
        const auto inErrors = [&] {
            return std::any_of(errors.cbegin(), errors.cend(),
                               [&](const QString &error) { return error.contains(fragment); });
        };
        const auto notConnected = [&] {
            // The entry runs over several lines: the message, what the database said, the URL.
            const QString log = window.logText();
            const qsizetype at = log.indexOf(u"Not connected: "_s);
            return at >= 0 && log.indexOf(fragment, at) > at;
        };
        // The project is read at once, the database on the worker thread: wait for the connection.
        QTRY_VERIFY_WITH_TIMEOUT(window.logText().contains(u"onnected"_s), 15000);
        QString where;
        if (inProblems()) {
            where = u"Problems panel"_s;
        } else if (notConnected()) {
            // No database to act on, so no action to fail: the window says why it is not connected.
            where = u"log (not connected)"_s;
        } else {
            // What the panel does not show, the run's error dialog must: ask for an upgrade.
            window.controller()->request(MigrationRequest::upgrade(u"heads"_s));
            QTRY_VERIFY2_WITH_TIMEOUT(inErrors(), qPrintable(errors.join(u'\n') + u'\n' + window.logText()), 15000);
            where = u"error dialog"_s;
        }
        qInfo("%s: shown in the %s", qPrintable(input.name), qPrintable(where));
        QCOMPARE(confirmations, 0);
        // Problems the panel shows say where they are.
        for (int row = 0; row < window.problemModel()->rowCount(); ++row)
            QVERIFY(!window.problemModel()->index(row, 0).data().toString().isEmpty());
    }
    QCOMPARE(project.fingerprint(&failure), before);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
}

QTEST_MAIN(TestBadInputWindow)
#include "tst_badinput_window.moc"
