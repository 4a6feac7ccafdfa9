// Times loading a project's revisions against merely reading the same files' bytes.
//
//   bench_scriptdirectory PROJECT_DIR [repeats]
//
// Prints the best of the repeats for: listing + reading every revision file (QFile), and
// ScriptDirectory::load (listing, reading and parsing). The goal is a ratio within 3x.

#include "script/ProjectConfig.h"
#include "script/ScriptDirectory.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>

#include <cstdio>
#include <limits>

using namespace retort;

namespace {

qint64 readBytes(const QStringList &locations, qint64 &files)
{
    qint64 bytes = 0;
    files = 0;
    for (const QString &location : locations) {
        const QDir dir(location);
        for (const QString &name : dir.entryList(QDir::Files, QDir::Unsorted)) {
            QFile f(dir.filePath(name));
            if (f.open(QIODevice::ReadOnly)) {
                bytes += f.readAll().size();
                ++files;
            }
        }
    }
    return bytes;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: bench_scriptdirectory PROJECT_DIR [repeats]\n");
        return 2;
    }
    const int repeats = args.size() > 2 ? args.at(2).toInt() : 5;
    const ProjectConfig config = ProjectConfig::fromDirectory(args.at(1));
    if (!config.isValid()) {
        for (const Problem &p : config.problems)
            std::fprintf(stderr, "%s\n", qPrintable(p.toString()));
        return 1;
    }
    qint64 bestRead = std::numeric_limits<qint64>::max();
    qint64 bestLoad = std::numeric_limits<qint64>::max();
    qint64 files = 0, bytes = 0, revisions = 0, problems = 0;
    for (int i = 0; i < repeats; ++i) {
        QElapsedTimer t;
        t.start();
        bytes = readBytes(config.versionLocations, files);
        bestRead = std::min(bestRead, t.nsecsElapsed());
        t.restart();
        const ScriptDirectory sd = ScriptDirectory::load(config);
        bestLoad = std::min(bestLoad, t.nsecsElapsed());
        revisions = sd.revisions.size();
        problems = sd.problems.size();
    }
    std::printf("%lld files, %lld bytes, %lld revisions, %lld problems\n", files, bytes, revisions, problems);
    std::printf("read bytes: %.1f ms\nload:       %.1f ms\nratio:      %.2f\n", bestRead / 1e6, bestLoad / 1e6,
                double(bestLoad) / double(bestRead));
    return 0;
}
