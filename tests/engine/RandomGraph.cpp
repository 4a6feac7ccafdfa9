#include "RandomGraph.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace {

QString makeId(QRandomGenerator &random)
{
    // Twelve hex digits like Alembic's, starting with a letter so SQL identifiers stay plain.
    static const char digits[] = "0123456789abcdef";
    QString id(QChar(char16_t(u'a' + random.bounded(6))));
    for (int i = 0; i < 11; ++i)
        id += QLatin1Char(digits[random.bounded(16)]);
    return id;
}

QSet<int> ancestorsOf(const RevisionSpecs &specs, int index)
{
    QSet<int> seen;
    QList<int> todo{index};
    while (!todo.isEmpty()) {
        const int current = todo.takeLast();
        for (const QString &down : specs[current].downRevisions) {
            for (int i = 0; i < specs.size(); ++i) {
                if (specs[i].id == down && !seen.contains(i)) {
                    seen.insert(i);
                    todo.append(i);
                }
            }
        }
    }
    return seen;
}

} // namespace

RevisionSpecs RandomGraph::generate(quint32 seed, int size)
{
    QRandomGenerator random(seed);
    RevisionSpecs specs;
    QList<int> heads;
    int labelCount = 0;
    for (int n = 0; n < size; ++n) {
        RevisionSpec spec;
        do {
            spec.id = makeId(random);
        } while (std::any_of(specs.cbegin(), specs.cend(), [&](const RevisionSpec &s) { return s.id == spec.id; }));

        const int roll = int(random.bounded(100));
        if (specs.isEmpty() || (roll < 8 && n < size - 2)) {
            // a new base
        } else if (roll < 30 && heads.size() >= 2) {
            // merge two heads
            const int a = heads[random.bounded(heads.size())];
            int b = a;
            while (b == a)
                b = heads[random.bounded(heads.size())];
            spec.downRevisions = {specs[a].id, specs[b].id};
        } else if (roll < 50) {
            // branch off any earlier revision
            spec.downRevisions = {specs[random.bounded(specs.size())].id};
        } else {
            spec.downRevisions = {specs[heads[random.bounded(heads.size())]].id};
        }

        // A label on a new base or a branch start, named after its position.
        if ((spec.downRevisions.isEmpty() || random.bounded(100) < 25) && labelCount < 4)
            spec.branchLabels = {u"lbl%1"_s.arg(++labelCount)};

        specs.append(spec);
        const int self = int(specs.size()) - 1;

        // depends_on a revision that is not already an ancestor (any earlier one keeps it acyclic).
        if (self >= 2 && random.bounded(100) < 15) {
            const QSet<int> ancestors = ancestorsOf(specs, self);
            const int candidate = int(random.bounded(self));
            if (!ancestors.contains(candidate))
                specs[self].dependsOn = {specs[candidate].id};
        }

        RevisionSpec &added = specs[self];
        // IF [NOT] EXISTS: a stamp moves the version table without running scripts, so a later
        // upgrade or downgrade may find its table already there (or gone) on both tools alike.
        added.upgradeStatements = {u"CREATE TABLE IF NOT EXISTS %1 (x INTEGER)"_s.arg(tableOf(added.id))};
        added.downgradeStatements = {u"DROP TABLE IF EXISTS %1"_s.arg(tableOf(added.id))};

        for (const QString &down : added.downRevisions) {
            for (int i = 0; i < self; ++i)
                if (specs[i].id == down)
                    heads.removeAll(i);
        }
        heads.append(self);
    }
    return specs;
}

QStringList RandomGraph::labels(const RevisionSpecs &specs)
{
    QStringList result;
    for (const RevisionSpec &spec : specs)
        result += spec.branchLabels;
    return result;
}
