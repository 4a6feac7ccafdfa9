// The bad-input corpus through the retort executable: broken projects and databases, one row
// each. Every row proves the process did not crash, exited as the case deserves, said what is
// wrong and where on stderr, printed no stack trace, and left the database exactly as it was
// (the SQLite file's sha256, or the PostgreSQL catalog and version rows).
#include "BadInputCorpus.h"
#include "CliProcess.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(BadInputCase)

namespace {

// What a crash or an uncaught exception leaves in the output.
const QStringList kTraceMarkers = {u"Traceback (most recent call last)"_s,
                                   u"terminate called"_s,
                                   u"Segmentation fault"_s,
                                   u"Assertion"_s,
                                   u"ASSERT"_s,
                                   u"QFATAL"_s,
                                   u"stack trace"_s,
                                   u"#0 "_s};

constexpr uint kNobody = 65534;

// Root reads and writes through file modes. Whether they bind here is checked, not assumed.
bool permissionsBind(const QString &folder)
{
    const QString probe = folder + u"/.permission-probe"_s;
    QFile file(probe);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.close();
    QFile::setPermissions(probe, QFileDevice::Permissions());
    QFile again(probe);
    const bool readable = again.open(QIODevice::ReadOnly);
    QFile::setPermissions(probe, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QFile::remove(probe);
    return !readable;
}

// Lets the unprivileged user into the case's folder: directories 0755 (0777 for the private
// home), files keep their mode, so the ones a case made unreadable stay that way.
void openUpForNobody(const QString &root)
{
    const auto all = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner | QFileDevice::ReadGroup
        | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::ExeOther;
    QFile::setPermissions(root, all);
    QDirIterator it(root, QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo dir(it.next());
        // The mode bits only: permissions() adds the *User bits, which say what root may do.
        const auto mode = dir.permissions() & ~(QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ExeUser);
        if (dir.isSymLink() || mode == QFileDevice::Permissions())
            continue;
        QFile::setPermissions(dir.filePath(), all);
    }
    QFile::setPermissions(root + u"/home"_s, all | QFileDevice::WriteGroup | QFileDevice::WriteOther);
}

QProcessEnvironment environmentFor(const QString &root)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"DATABASE_URL"_s);
    // Backups, caches and settings land in the case's own folder.
    const QString home = root + u"/home"_s;
    QDir().mkpath(home);
    env.insert(u"HOME"_s, home);
    env.insert(u"XDG_DATA_HOME"_s, home + u"/data"_s);
    env.insert(u"XDG_CACHE_HOME"_s, home + u"/cache"_s);
    env.insert(u"XDG_CONFIG_HOME"_s, home + u"/config"_s);
    env.insert(u"XDG_STATE_HOME"_s, home + u"/state"_s);
    return env;
}

QString describe(const CliResult &result)
{
    return u"exit %1%2\n--- stdout:\n%3\n--- stderr:\n%4"_s.arg(result.exitCode)
        .arg(result.crashed ? u" (crashed)"_s : QString(), result.out.left(3000), result.err.left(3000));
}

} // namespace

class TestCliBadInput : public QObject
{
    Q_OBJECT

private slots:
    void corpusIsLargeEnough();
    void badInput_data();
    void badInput();
};

void TestCliBadInput::corpusIsLargeEnough()
{
    const QList<BadInputCase> cases = badInputCases();
    QVERIFY2(cases.size() >= 60, qPrintable(QString::number(cases.size())));
    QSet<QString> names;
    for (const BadInputCase &c : cases)
        names.insert(c.name);
    QCOMPARE(names.size(), cases.size());
}

void TestCliBadInput::badInput_data()
{
    QTest::addColumn<BadInputCase>("input");
    for (const BadInputCase &c : badInputCases()) {
        if (c.postgres == bool(BADINPUT_POSTGRES))
            QTest::newRow(qPrintable(c.name)) << c;
    }
}

void TestCliBadInput::badInput()
{
    QFETCH(BadInputCase, input);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    BadInputProject project(dir.path());
    const QString built = input.build(project);
    QVERIFY2(built.isEmpty(), qPrintable(built));

    QStringList arguments = {u"-d"_s, project.project};
    if (!project.url.isEmpty())
        arguments << u"--url"_s << project.url;
    arguments += input.arguments;
    QString program = QStringLiteral(RETORT_EXECUTABLE);
    const QProcessEnvironment env = environmentFor(project.root);
    if (project.needsPermissions && !permissionsBind(project.root)) {
        // Root: chmod does not stop its reads or writes. Run as nobody, for whom it does; a
        // machine without setpriv fails the row rather than passing it untested.
        const QString setpriv = QStandardPaths::findExecutable(u"setpriv"_s);
        QVERIFY2(!setpriv.isEmpty() && ::geteuid() == 0,
                 "file permissions do not bind for this user and setpriv is missing: cannot test this case");
        qInfo("running as root, where file modes do not bind: this case runs as uid %u (nobody)", kNobody);
        openUpForNobody(project.root);
        arguments.prepend(program);
        arguments =
            QStringList{u"--reuid=%1"_s.arg(kNobody), u"--regid=%1"_s.arg(kNobody), u"--clear-groups"_s, u"--"_s}
            + arguments;
        program = setpriv;
    }

    QString failure;
    const QByteArray before = project.fingerprint(&failure);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    const CliResult result = runProgram(program, arguments, env, project.root);
    const QByteArray after = project.fingerprint(&failure);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));

    QVERIFY2(!result.crashed, qPrintable(describe(result)));
    QVERIFY2(result.exitCode == input.exitCode, qPrintable(describe(result)));
    for (const QString &fragment : std::as_const(input.stderrFragments))
        QVERIFY2(result.err.contains(fragment),
                 qPrintable(u"wanted on stderr: "_s + fragment + u'\n' + describe(result)));
    for (const QString &fragment : std::as_const(input.stdoutFragments))
        QVERIFY2(result.out.contains(fragment),
                 qPrintable(u"wanted on stdout: "_s + fragment + u'\n' + describe(result)));
    for (const QString &marker : kTraceMarkers) {
        QVERIFY2(!result.out.contains(marker), qPrintable(marker + u'\n' + describe(result)));
        QVERIFY2(!result.err.contains(marker), qPrintable(marker + u'\n' + describe(result)));
    }
    // A message a person reads: a 50 MB statement must not come back in full.
    QVERIFY2(result.err.size() < 16 * 1024, qPrintable(QString::number(result.err.size())));
    if (input.exitCode != 0) {
        const QString all = result.out + result.err;
        QVERIFY2(all.contains(u"FAILED"_s) || all.contains(u"error"_s), qPrintable(describe(result)));
    }
    QCOMPARE(after, before);
}

QTEST_GUILESS_MAIN(TestCliBadInput)
#include "tst_cli_badinput.moc"
