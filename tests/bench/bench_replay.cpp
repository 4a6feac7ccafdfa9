// Replay against upgrade, in one run: a generated straight history of native revisions (a
// CREATE TABLE or an INSERT each, as gen_apply.py writes them) applied by `retort upgrade head`
// to a fresh SQLite file, then replayed by `retort replay` with a snapshot after every step, then
// the cached re-open (`retort replay` again, and the cache check alone, in process). With
// --server the same runs on PostgreSQL: a database of the benchmark's own on that server for
// the upgrade, scratch databases made by the replay itself. Upgrade and replay take turns for
// --rounds rounds; the ratio is given best against best and as the median of the rounds'.
//   bench_replay --retort PATH [--count 1000] [--rounds 5] [--server postgresql://USER@HOST:PORT/postgres]
#include "command/ProjectSnapshot.h"
#include "command/SchemaCommands.h"
#include "db/Connection.h"
#include "db/DatabaseUrl.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <optional>
#include <vector>

using namespace retort;

namespace {

void writeHistory(const QString &versions, int count)
{
    QDir().mkpath(versions);
    QRandomGenerator rng(1);
    QString parent;
    QString table;
    int rows = 0;
    for (int n = 1; n <= count; ++n) {
        const QString id = QStringLiteral("r%1").arg(n, 5, 10, QLatin1Char('0'));
        QString up;
        if (table.isEmpty() || rows >= 3 || rng.generateDouble() < 0.25) {
            table = QStringLiteral("t%1").arg(n);
            rows = 0;
            up = QStringLiteral("CREATE TABLE %1 (id INTEGER PRIMARY KEY, name VARCHAR(40));").arg(table);
        } else {
            ++rows;
            up = QStringLiteral("INSERT INTO %1 (id, name) VALUES (%2, 'row %2');").arg(table).arg(n);
        }
        QFile file(versions + QStringLiteral("/%1_step_%2.sql").arg(id).arg(n));
        file.open(QIODevice::WriteOnly);
        file.write(QStringLiteral("-- Revision ID: %1\n-- Revises: %2\n-- Message: step %3\n\n-- +upgrade\n%4\n\n"
                                  "-- +downgrade\nSELECT 1;\n")
                       .arg(id, parent)
                       .arg(n)
                       .arg(up)
                       .toUtf8());
        parent = id;
    }
}

double timed(const QString &program, const QStringList &arguments, const QProcessEnvironment &environment)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.setStandardOutputFile(QProcess::nullDevice());
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    process.waitForFinished(-1);
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    if (process.exitCode() != 0)
        std::fprintf(stderr, "bench_replay: %s %s exited %d\n", qPrintable(program),
                     qPrintable(arguments.join(QLatin1Char(' '))), process.exitCode());
    return seconds;
}

// A fresh database on the server for `retort upgrade head`, dropped by the destructor.
class BenchDatabase
{
public:
    explicit BenchDatabase(const QString &serverUrl)
        : m_server(DatabaseUrl::parse(serverUrl).value(), QDir::currentPath())
    {
        if (const auto error = m_server.open()) {
            std::fprintf(stderr, "bench_replay: %s\n", qPrintable(error->toString()));
            return;
        }
        m_name = QStringLiteral("retort_bench_%1").arg(QRandomGenerator::global()->generate());
        if (const auto error = m_server.execute(QStringLiteral("CREATE DATABASE ") + m_name)) {
            std::fprintf(stderr, "bench_replay: %s\n", qPrintable(error->toString()));
            m_name.clear();
            return;
        }
        DatabaseUrl url = DatabaseUrl::parse(serverUrl).value();
        url.database = m_name;
        m_url = url.toString();
    }
    ~BenchDatabase()
    {
        if (!m_name.isEmpty())
            m_server.execute(QStringLiteral("DROP DATABASE IF EXISTS ") + m_name);
    }
    const QString &url() const { return m_url; }

private:
    Connection m_server;
    QString m_name;
    QString m_url;
};

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("retort"), QStringLiteral("the retort executable"), QStringLiteral("PATH")});
    parser.addOption({QStringLiteral("count"), QStringLiteral("revisions (default 1000)"), QStringLiteral("N"),
                      QStringLiteral("1000")});
    parser.addOption({QStringLiteral("rounds"),
                      QStringLiteral("upgrade and replay each this often, in turns (default 5)"), QStringLiteral("N"),
                      QStringLiteral("5")});
    parser.addOption({QStringLiteral("server"), QStringLiteral("PostgreSQL server URL (default: SQLite files)"),
                      QStringLiteral("URL")});
    parser.process(app);
    const QString retort = parser.value(QStringLiteral("retort"));
    const int count = parser.value(QStringLiteral("count")).toInt();
    const int rounds = std::max(1, parser.value(QStringLiteral("rounds")).toInt());
    const QString server = parser.value(QStringLiteral("server"));

    QTemporaryDir work;
    writeHistory(work.filePath(QStringLiteral("versions")), count);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("DATABASE_URL"));
    const QString cacheHome = work.filePath(QStringLiteral("cache"));
    environment.insert(QStringLiteral("XDG_CACHE_HOME"), cacheHome);
    const QString dialect = server.isEmpty() ? QStringLiteral("sqlite") : QStringLiteral("postgresql");
    const auto retortArguments = [&](const QString &url, const QStringList &verb) {
        return QStringList{QStringLiteral("-d"), work.path(), QStringLiteral("--url"), url} + verb;
    };

    // In turns, so that a machine that is slower for a while slows both: an upgrade of a fresh
    // database, then a replay with an empty cache (on the same server, into a scratch
    // database of its own; the URL names where it finds the server).
    std::vector<double> upgrades, replays, ratios;
    QString lastUrl;
    for (int round = 0; round < rounds; ++round) {
        std::optional<BenchDatabase> database;
        QString url = QStringLiteral("sqlite:///") + work.filePath(QStringLiteral("app%1.db").arg(round));
        if (!server.isEmpty()) {
            database.emplace(server);
            if (database->url().isEmpty())
                return 1;
            url = database->url();
        }
        upgrades.push_back(
            timed(retort, retortArguments(url, {QStringLiteral("upgrade"), QStringLiteral("head")}), environment));
        QDir(cacheHome).removeRecursively();
        replays.push_back(timed(retort, retortArguments(url, {QStringLiteral("replay")}), environment));
        ratios.push_back(replays.back() / upgrades.back());
        lastUrl = server.isEmpty() ? url : server;
    }
    // The cache is warm from the last round.
    const double reopen = timed(retort, retortArguments(lastUrl, {QStringLiteral("replay")}), environment);

    // The cache check alone: read the project, compute the keys, find every one cached.
    const auto project = ProjectSnapshot::load(work.path(), work.path());
    SchemaCommandOptions options;
    options.urlOption = lastUrl;
    options.workingDirectory = work.path();
    options.cacheRoot = cacheHome + QStringLiteral("/Retort/retort");
    QElapsedTimer timer;
    timer.start();
    const RunResult<ReplayReport> cached = replayCommand(*project, options);
    const double check = double(timer.nsecsElapsed()) / 1e9;
    const int cachedCount = cached ? cached->count(RevisionReplay::Status::Cached) : -1;

    const auto list = [](const std::vector<double> &values) {
        QStringList texts;
        for (double v : values)
            texts << QString::number(v, 'f', 3);
        return texts.join(QStringLiteral(" "));
    };
    const double bestUpgrade = *std::min_element(upgrades.begin(), upgrades.end());
    const double bestReplay = *std::min_element(replays.begin(), replays.end());
    std::printf("native replay, %d revisions, %s, %d rounds in turns\n", count, qPrintable(dialect), rounds);
    std::printf("  retort upgrade head          best %8.3f s   (%s)\n", bestUpgrade, qPrintable(list(upgrades)));
    std::printf("  retort replay (cold cache)   best %8.3f s   (%s)\n", bestReplay, qPrintable(list(replays)));
    std::printf("  ratio replay/upgrade         best/best %.2f, median of rounds %.2f (goal <= 2)\n",
                bestReplay / bestUpgrade, median(ratios));
    std::printf("  retort replay (warm cache)        %8.3f s\n", reopen);
    std::printf("  cache check in process            %8.3f s   (%d of %d cached)\n", check, cachedCount, count);
    return cachedCount == count ? 0 : 1;
}
