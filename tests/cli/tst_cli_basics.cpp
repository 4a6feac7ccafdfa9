// Version, help and usage errors, with no display: a verb never needs a GUI.
#include "CliProcess.h"
#include "RetortVersion.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

class TestCliBasics : public QObject
{
    Q_OBJECT

private slots:
    void versionComesFromTheProjectVersion();
    void helpListsVerbsAndOptions();
    void verbHelp();
    void usageErrors_data();
    void usageErrors();
    void guiStartsOnTheDemoAndCreatesItsDatabaseOutsideTheSourceTree();

private:
    static QProcessEnvironment headless()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        return env;
    }
};

void TestCliBasics::versionComesFromTheProjectVersion()
{
    const CliResult result = runRetort({QStringLiteral("--version")}, headless());
    QVERIFY(!result.crashed);
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out, QStringLiteral("retort " RETORT_VERSION_STRING "\n"));
    // The generated header carries CMake's project() version.
    QVERIFY(QStringLiteral(RETORT_VERSION_STRING).contains(QLatin1Char('.')));
}

void TestCliBasics::helpListsVerbsAndOptions()
{
    for (const QString &flag : {QStringLiteral("--help"), QStringLiteral("-h")}) {
        const CliResult result = runRetort({flag}, headless());
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.startsWith(QStringLiteral("Usage: retort")));
        for (const char *word : {"heads", "history", "show", "branches", "--directory", "--json", "--demo"})
            QVERIFY2(result.out.contains(QLatin1String(word)), word);
        QVERIFY(result.err.isEmpty());
    }
}

void TestCliBasics::verbHelp()
{
    const CliResult result = runRetort({QStringLiteral("history"), QStringLiteral("--help")}, headless());
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.out.startsWith(QStringLiteral("Usage: retort [OPTIONS] history")));
    QVERIFY(result.out.contains(QStringLiteral("--rev-range")));
}

void TestCliBasics::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown verb") << QStringList{QStringLiteral("frobnicate"), QStringLiteral("x")}
                                  << QStringLiteral("unknown command 'frobnicate'");
    QTest::newRow("unknown option") << QStringList{QStringLiteral("--bogus")}
                                    << QStringLiteral("unknown option '--bogus'");
    QTest::newRow("unknown option after verb") << QStringList{QStringLiteral("heads"), QStringLiteral("--bogus")}
                                               << QStringLiteral("unknown option '--bogus'");
    QTest::newRow("missing value") << QStringList{QStringLiteral("heads"), QStringLiteral("-d")}
                                   << QStringLiteral("needs a value");
    QTest::newRow("missing argument") << QStringList{QStringLiteral("show")} << QStringLiteral("'show' needs REV");
    QTest::newRow("extra argument") << QStringList{QStringLiteral("heads"), QStringLiteral("x")}
                                    << QStringLiteral("unexpected argument 'x'");
    QTest::newRow("option of another verb")
        << QStringList{QStringLiteral("heads"), QStringLiteral("-r"), QStringLiteral("a:b")}
        << QStringLiteral("unknown option '-r'");
    QTest::newRow("gui option with a verb") << QStringList{QStringLiteral("heads"), QStringLiteral("--demo")}
                                            << QStringLiteral("'heads' does not take option --demo");
    QTest::newRow("flag with a value") << QStringList{QStringLiteral("--json=yes"), QStringLiteral("heads")}
                                       << QStringLiteral("takes no value");
}

void TestCliBasics::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const CliResult result = runRetort(arguments, headless());
    QVERIFY(!result.crashed);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(message), qPrintable(result.err));
    QVERIFY(result.err.contains(QStringLiteral("Usage: retort")));
    QVERIFY(result.out.isEmpty());
}

void TestCliBasics::guiStartsOnTheDemoAndCreatesItsDatabaseOutsideTheSourceTree()
{
    QTemporaryDir home;
    QVERIFY(home.isValid());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.path());

#if !RETORT_TEST_WITH_GUI
    // A build without the desktop application says so and touches nothing.
    const CliResult result = runRetort({QStringLiteral("--demo")}, env);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(QLatin1String("no desktop application")), qPrintable(result.err));
    QVERIFY(QDir(home.path()).isEmpty());
    return;
#endif
    QProcess gui;
    gui.setProcessEnvironment(env);
    gui.start(QStringLiteral(RETORT_EXECUTABLE), {QStringLiteral("--demo")});
    QVERIFY(gui.waitForStarted());
    const QString database = home.filePath(QStringLiteral("Retort/retort/demo/retort-demo.db"));
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(database), 20000);
    // Still running: the window is up and the event loop turns.
    QVERIFY(!gui.waitForFinished(1500));
    gui.terminate();
    if (!gui.waitForFinished(5000))
        gui.kill();
    QVERIFY(!QFileInfo::exists(QStringLiteral(RETORT_SOURCE_DIR "/resources/demo/retort-demo.db")));
}

QTEST_GUILESS_MAIN(TestCliBasics)
#include "tst_cli_basics.moc"
