// Version, help and usage errors, with no display: a verb never needs a GUI.
#include "CliProcess.h"
#include "RetortVersion.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

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
    void windowWithoutADisplaySaysSo_data();
    void windowWithoutADisplaySaysSo();

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
    QTest::newRow("unknown word alone") << QStringList{QStringLiteral("frobnicate")}
                                        << QStringLiteral("unknown command 'frobnicate' (and no such directory)");
    QTest::newRow("typo of a verb") << QStringList{QStringLiteral("histroy")}
                                    << QStringLiteral("unknown command 'histroy'; did you mean 'history'?");
    QTest::newRow("typo with options") << QStringList{QStringLiteral("-d"), QStringLiteral("x"),
                                                      QStringLiteral("upgarde")}
                                       << QStringLiteral("did you mean 'upgrade'?");
    QTest::newRow("missing directory") << QStringList{QStringLiteral("./no/such/folder")}
                                       << QStringLiteral("no such directory './no/such/folder'");
    QTest::newRow("file for a directory")
        << QStringList{QStringLiteral(RETORT_EXECUTABLE)} << QStringLiteral("is not a directory");
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
void TestCliBasics::windowWithoutADisplaySaysSo_data()
{
    QTest::addColumn<QString>("display");
    QTest::newRow("no display set") << QString();
    // A display that no server answers: Qt would abort; Retort explains and exits.
    QTest::newRow("display nobody answers") << QStringLiteral(":987");
}

void TestCliBasics::windowWithoutADisplaySaysSo()
{
    QFETCH(QString, display);
    QTemporaryDir project;
    QVERIFY(project.isValid());
    QProcessEnvironment env = headless();
    if (!display.isEmpty())
        env.insert(QStringLiteral("DISPLAY"), display);
    const CliResult result = runRetort({project.path()}, env);
    QVERIFY2(!result.crashed, qPrintable(result.err));
    QCOMPARE(result.exitCode, 2);
#if RETORT_TEST_WITH_GUI
    QVERIFY2(result.err.contains(QLatin1String("no display to show it on")), qPrintable(result.err));
    QVERIFY2(result.err.contains(QLatin1String("Give a verb")), qPrintable(result.err));
#else
    QVERIFY2(result.err.contains(QLatin1String("no desktop application")), qPrintable(result.err));
#endif
    QVERIFY(QDir(project.path()).isEmpty());
}

#include "tst_cli_basics.moc"
