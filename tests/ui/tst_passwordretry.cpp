// A server that refuses the login gets the password asked for, and the window connects with it;
// the password shows nowhere: not in the title, the log or the URL box.
#include "MainWindow.h"
#include "TestPassword.h"
#include "TestProject.h"
#include "project/DatabaseChooser.h"
#include "run/MigrationController.h"

#include <QComboBox>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace retort;
using namespace retort::ui;

class TestPasswordRetry : public QObject
{
    Q_OBJECT

private slots:
    // A home of its own: what an earlier run remembered (that this URL needs a password) would
    // make the window ask before the first attempt and hide the refusal this test is about.
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("RetortTestPasswordRetry"));
        QVERIFY(m_home.isValid());
        qputenv("HOME", QFile::encodeName(m_home.path()));
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_home.filePath(QStringLiteral(".config"))));
        qputenv("XDG_DATA_HOME", QFile::encodeName(m_home.filePath(QStringLiteral(".local/share"))));
        QStandardPaths::setTestModeEnabled(true);
    }

    void refusedLogin_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<bool>("refused");
        QTest::newRow("no password") << QStringLiteral("connection to server failed: fe_sendauth: no password supplied")
                                     << true;
        QTest::newRow("wrong password") << QStringLiteral("FATAL:  password authentication failed for user \"app\"")
                                        << true;
        QTest::newRow("no such database") << QStringLiteral("FATAL:  database \"nope\" does not exist") << false;
        QTest::newRow("server down") << QStringLiteral("Connection refused\n\tIs the server running") << false;
    }

    void refusedLogin()
    {
        QFETCH(QString, message);
        QFETCH(bool, refused);
        QCOMPARE(DatabaseChooser::isLoginRefused(message), refused);
        // Only a refused login asks.
        DatabaseChooser chooser;
        int asked = 0;
        chooser.setPrompt([&asked](const QString &, const QString &) {
            ++asked;
            return std::optional<QString>();
        });
        QCOMPARE(chooser.retryAfterRefusedLogin(QStringLiteral("postgresql://app@db.example/shop"), message), refused);
        QCOMPARE(asked, refused ? 1 : 0);
    }

    void windowAsksAndConnects()
    {
        const QString url = qEnvironmentVariable("RETORT_TEST_PG_PASSWORD_URL");
        const QString password = testPostgresPassword();
        QVERIFY2(!url.isEmpty() && !password.isEmpty(), "run through ctest: the postgres fixture sets these");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(
            !writeProject(dir.path(),
                          {{QStringLiteral("a00000000001"), QString(), QStringLiteral("CREATE TABLE t (id INTEGER);")}})
                 .isEmpty());

        MainWindow window;
        auto *chooser = window.findChild<DatabaseChooser *>();
        QVERIFY(chooser);
        QStringList asked;
        chooser->setPrompt([&](const QString &masked, const QString &) -> std::optional<QString> {
            asked.append(masked);
            return password;
        });
        QSignalSpy connected(window.controller(), &MigrationController::connected);
        window.openProject(dir.path(), url);
        QTRY_VERIFY_WITH_TIMEOUT(!connected.isEmpty(), 20000);
        QCOMPARE(asked.size(), 1);
        QVERIFY(!asked.constFirst().contains(password));
        QVERIFY(window.controller()->isConnected());
        QVERIFY2(window.logText().contains(QLatin1String("Not connected")), qPrintable(window.logText()));
        for (const QString &shown : {window.windowTitle(), window.logText(), chooser->currentText()})
            QVERIFY2(!shown.contains(password), "the password is shown");
    }

private:
    QTemporaryDir m_home;
};

QTEST_MAIN(TestPasswordRetry)
#include "tst_passwordretry.moc"
