// Times RevisionMap::build, History::all() and full upgrade / downgrade plans on synthetic
// histories of three shapes (one line, 20 long branches, many merges). Not part of the default
// test run; run it from a Release build: bench_graph [sizes...]
#include "graph/History.h"
#include "graph/Planner.h"
#include "graph/RevisionMap.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include <cstdio>

using namespace retort;

namespace {

QString rid(int i)
{
    return QStringLiteral("r%1").arg(i, 6, 10, QLatin1Char('0'));
}

Revision make(int i, const QStringList &down)
{
    Revision r;
    r.id = rid(i);
    r.downRevisions = down;
    return r;
}

Revisions linear(int n)
{
    Revisions revs;
    for (int i = 0; i < n; ++i)
        revs.append(make(i, i == 0 ? QStringList{} : QStringList{rid(i - 1)}));
    return revs;
}

// One base, 20 branches growing round-robin, so load order interleaves them.
Revisions branchy(int n)
{
    Revisions revs{make(0, {})};
    QStringList tips(20, rid(0));
    for (int i = 1; i < n; ++i) {
        QString &tip = tips[(i - 1) % 20];
        revs.append(make(i, {tip}));
        tip = rid(i);
    }
    return revs;
}

// A trunk that forks into 2-4 short lines every few revisions and merges them back.
Revisions merges(int n)
{
    Revisions revs{make(0, {})};
    QString trunk = rid(0);
    int i = 1;
    int round = 0;
    while (i < n) {
        const int width = 2 + round % 3;
        QStringList tips;
        for (int b = 0; b < width && i < n; ++b) {
            QString prev = trunk;
            for (int k = 0; k < 1 + (round + b) % 3 && i < n; ++k) {
                revs.append(make(i, {prev}));
                prev = rid(i++);
            }
            tips.append(prev);
        }
        if (i < n) {
            revs.append(make(i, tips));
            trunk = rid(i++);
        }
        ++round;
    }
    return revs;
}

// The branchy shape plus labels on every branch and, on every tenth revision, a depends_on
// pointing into another branch.
Revisions labelled(int n)
{
    Revisions revs = branchy(n);
    for (int i = 1; i <= 20 && i < n; ++i)
        revs[i].branchLabels = {QStringLiteral("branch%1").arg(i)};
    for (int i = 40; i < n; i += 10)
        revs[i].dependsOn = {rid(i - 25)};
    return revs;
}

template <typename F>
double timeMs(F &&f)
{
    QElapsedTimer t;
    t.start();
    f();
    return double(t.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QList<int> sizes;
    for (const QString &a : app.arguments().mid(1))
        sizes.append(a.toInt());
    if (sizes.isEmpty())
        sizes = {1000, 10000};
    // warm the allocator up so the first shape measured does not pay for fresh pages
    for (int k = 0; k < 3; ++k)
        Planner(*RevisionMap::build(linear(sizes.back())).map).upgrade({}, QStringLiteral("heads"));
    QTextStream out(stdout);
    out << "shape     revisions   build ms  history ms  upgrade ms  downgrade ms  total ms\n";
    const struct
    {
        const char *name;
        Revisions (*make)(int);
    } shapes[] = {{"linear", linear}, {"branchy", branchy}, {"merges", merges}, {"labelled", labelled}};
    for (const auto &shape : shapes) {
        for (int n : std::as_const(sizes)) {
            const Revisions revs = shape.make(n);
            RevisionMap::Built built;
            const double build = timeMs([&] { built = RevisionMap::build(revs); });
            const RevisionMap &map = *built.map;
            qsizetype historySize = 0;
            const double history = timeMs([&] {
                auto h = History(map).all();
                historySize = h ? qsizetype(h->size()) : -1;
            });
            Planner planner(map);
            qsizetype up = 0, down = 0;
            const double upgrade = timeMs([&] {
                auto p = planner.upgrade({}, QStringLiteral("heads"));
                up = p ? p->steps.size() : -1;
            });
            const QStringList heads = map.ids(map.realHeads());
            const double downgrade = timeMs([&] {
                auto p = planner.downgrade(heads, QStringLiteral("base"));
                down = p ? p->steps.size() : -1;
            });
            if (historySize != n || up != n || down != n) {
                std::fprintf(stderr, "%s %d: history %lld, upgrade %lld, downgrade %lld steps\n", shape.name, n,
                             (long long)historySize, (long long)up, (long long)down);
                return 1;
            }
            out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7\n")
                       .arg(QLatin1String(shape.name), -8)
                       .arg(n, 10)
                       .arg(build, 10, 'f', 1)
                       .arg(history, 11, 'f', 1)
                       .arg(upgrade, 11, 'f', 1)
                       .arg(downgrade, 13, 'f', 1)
                       .arg(build + history + upgrade, 9, 'f', 1);
            out.flush();
        }
    }
    return 0;
}
