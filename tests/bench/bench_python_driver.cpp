// How long a shadow replay of Python revisions takes with PythonReplayDriver (one process, one
// request per revision) against one `flask db upgrade` of the same history on a fresh SQLite file:
// on tests/interop/flaskapp and on a generated straight history of Flask-Migrate revisions.
// With --retort PATH also the whole `retort replay` (cold cache: driver, a snapshot after every
// step, the cache written). Prints one line per history with the times (best of --repeat, process
// start included) and the ratios to flask; the goal is within 2x.
#include "shadow/PythonReplayDriver.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

#include <cstdio>

using namespace Qt::StringLiterals;
using retort::AlembicCommand;
using retort::PythonReplayDriver;

namespace {

const QString kFlask = u"/usr/bin/flask"_s;

bool copyTree(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString src = it.next();
        if (src.contains(u"__pycache__"_s))
            continue;
        const QString dst = to + u'/' + QDir(from).relativeFilePath(src);
        QDir().mkpath(QFileInfo(dst).absolutePath());
        if (!QFile::copy(src, dst))
            return false;
    }
    return true;
}

bool writeFile(const QString &path, const QString &text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(text.toUtf8()) >= 0;
}

// A straight line of `count` revisions: every third creates a table, the others add a column to it.
QStringList generate(const QString &versions, int count)
{
    QDir(versions).removeRecursively();
    QDir().mkpath(versions);
    QStringList ids;
    for (int i = 0; i < count; ++i) {
        const QString id = u"b%1"_s.arg(i, 11, 10, QChar(u'0'));
        const QString down = ids.isEmpty() ? u"None"_s : u"'"_s + ids.last() + u"'"_s;
        const int table = i - i % 3;
        const QString body = i % 3 == 0
            ? u"    op.create_table('t%1', sa.Column('id', sa.Integer, primary_key=True), "
              "sa.Column('name', sa.String(50)))\n"_s.arg(table)
            : u"    op.add_column('t%1', sa.Column('c%2', sa.Integer, nullable=True))\n"_s.arg(table).arg(i);
        writeFile(
            versions + u'/' + id + u"_step.py"_s,
            u"from alembic import op\nimport sqlalchemy as sa\n\nrevision = '%1'\ndown_revision = %2\n"
            "branch_labels = None\ndepends_on = None\n\n\ndef upgrade():\n%3\n\ndef downgrade():\n    pass\n"_s.arg(
                id, down, body));
        ids << id;
    }
    return ids;
}

struct Timing
{
    double driver = 1e9;
    double flask = 1e9;
    double replay = 0; // `retort replay`, when measured
    QString failure;
};

Timing measure(const QString &root, const QStringList &revisions, int repeat, const QString &retort)
{
    Timing t;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"DATABASE_URL"_s);
    env.insert(u"FLASK_APP"_s, u"app"_s);
    AlembicCommand command;
    command.style = AlembicCommand::Style::FlaskMigrate;
    command.program = kFlask;
    command.prefixArguments = {u"db"_s};
    command.workingDirectory = root;
    command.migrationsDirectory = root + u"/migrations"_s;
    for (int round = 0; round < repeat; ++round) {
        // In turns, so that a busy moment of the machine hurts both alike.
        const QString shadow = root + u"/shadow.db"_s;
        QFile::remove(shadow);
        QElapsedTimer clock;
        clock.start();
        auto driver = PythonReplayDriver::start({command, env});
        if (!driver.ok())
            return {0, 0, 0, driver.error().message};
        for (const QString &revision : revisions) {
            if (const auto step = (*driver)->upgrade(revision, u"sqlite:///"_s + shadow); !step.ok())
                return {0, 0, 0, step.error().message};
        }
        (*driver)->stop();
        t.driver = qMin(t.driver, clock.elapsed() / 1000.0);

        const QString reference = root + u"/reference.db"_s;
        QFile::remove(reference);
        QProcess flask;
        QProcessEnvironment e = env;
        e.insert(u"DATABASE_URL"_s, u"sqlite:///"_s + reference);
        flask.setProcessEnvironment(e);
        flask.setWorkingDirectory(root);
        clock.restart();
        flask.start(kFlask, {u"db"_s, u"upgrade"_s, u"-d"_s, command.migrationsDirectory});
        if (!flask.waitForFinished(600000) || flask.exitCode() != 0)
            return {0, 0, 0, u"flask db upgrade failed: "_s + QString::fromUtf8(flask.readAllStandardError())};
        t.flask = qMin(t.flask, clock.elapsed() / 1000.0);

        if (retort.isEmpty())
            continue;
        const QString cache = root + u"/cache"_s;
        QDir(cache).removeRecursively();
        QProcess replay;
        QProcessEnvironment r = env;
        r.insert(u"XDG_CACHE_HOME"_s, cache);
        replay.setProcessEnvironment(r);
        replay.setWorkingDirectory(root);
        clock.restart();
        replay.start(retort, {u"-d"_s, command.migrationsDirectory, u"replay"_s});
        if (!replay.waitForFinished(600000) || replay.exitCode() != 0)
            return {0, 0, 0,
                    u"retort replay failed: "_s
                        + QString::fromUtf8(replay.readAllStandardOutput() + replay.readAllStandardError())};
        const double seconds = clock.elapsed() / 1000.0;
        t.replay = t.replay == 0 ? seconds : qMin(t.replay, seconds);
    }
    return t;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int repeat = args.contains(u"--repeat"_s) ? args.value(args.indexOf(u"--repeat"_s) + 1).toInt() : 3;
    const int count = args.contains(u"--count"_s) ? args.value(args.indexOf(u"--count"_s) + 1).toInt() : 150;
    const QString retort = args.contains(u"--retort"_s) ? args.value(args.indexOf(u"--retort"_s) + 1) : QString();
    QTemporaryDir dir;
    const QString fixture = QStringLiteral(RETORT_SOURCE_DIR "/tests/interop/flaskapp");
    const QString small = dir.filePath(u"fixture"_s);
    const QString large = dir.filePath(u"generated"_s);
    if (!copyTree(fixture, small) || !copyTree(fixture, large)) {
        std::fprintf(stderr, "cannot copy %s\n", qPrintable(fixture));
        return 1;
    }
    const QStringList fixtureRevisions{u"3f247d40a9c4"_s, u"8a5e40175905"_s, u"c157cbac9192"_s, u"08f51e9d952f"_s,
                                       u"2c122f99f547"_s};
    const QStringList generated = generate(large + u"/migrations/versions"_s, count);

    QTextStream out(stdout);
    out << "history                      revisions   driver s    flask s   driver/flask   replay s   replay/flask\n";
    bool ok = true;
    for (const auto &[name, root, revisions] :
         {std::tuple{u"flaskapp fixture"_s, small, fixtureRevisions}, std::tuple{u"generated"_s, large, generated}}) {
        const Timing t = measure(root, revisions, repeat, retort);
        if (!t.failure.isEmpty()) {
            out << name << ": " << t.failure << "\n";
            ok = false;
            continue;
        }
        out << qSetFieldWidth(28) << Qt::left << name << qSetFieldWidth(10) << Qt::right << revisions.size()
            << qSetFieldWidth(11) << QString::number(t.driver, 'f', 2) << QString::number(t.flask, 'f', 2)
            << qSetFieldWidth(15) << QString::number(t.driver / t.flask, 'f', 2);
        if (t.replay > 0)
            out << qSetFieldWidth(11) << QString::number(t.replay, 'f', 2) << qSetFieldWidth(15)
                << QString::number(t.replay / t.flask, 'f', 2);
        out << qSetFieldWidth(0) << "\n";
        out.flush();
    }
    return ok ? 0 : 1;
}
