#include "FaultHistory.h"

#include "RandomGraph.h"

using namespace Qt::StringLiterals;

namespace FaultHistory {

QString idOf(int index)
{
    return u"f%1"_s.arg(index + 1, 11, 10, QChar(u'0'));
}

RevisionSpecs chain(int steps, int rowsPerStep)
{
    RevisionSpecs specs;
    for (int i = 0; i < steps; ++i) {
        RevisionSpec spec;
        spec.id = idOf(i);
        const QString table = RandomGraph::tableOf(spec.id);
        spec.upgradeStatements = {
            u"CREATE TABLE %1 (id INTEGER PRIMARY KEY, x INTEGER NOT NULL, note VARCHAR(40))"_s.arg(table),
            // Portable to SQLite and PostgreSQL: a recursive count instead of generate_series.
            u"INSERT INTO %1 (id, x, note) WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
            "WHERE i < %2) SELECT i, i % 97, 'row' FROM n"_s.arg(table)
                .arg(rowsPerStep),
            u"CREATE INDEX ix_%1 ON %2 (x)"_s.arg(spec.id, table)};
        spec.downgradeStatements = {u"DROP INDEX ix_%1"_s.arg(spec.id), u"DROP TABLE %1"_s.arg(table)};
        if (i > 0) {
            const QString previous = RandomGraph::tableOf(idOf(i - 1));
            spec.downRevisions = {idOf(i - 1)};
            spec.upgradeStatements.append(u"ALTER TABLE %1 ADD COLUMN c_%2 INTEGER"_s.arg(previous, spec.id));
            spec.downgradeStatements.prepend(u"ALTER TABLE %1 DROP COLUMN c_%2"_s.arg(previous, spec.id));
        }
        specs.append(spec);
    }
    return specs;
}

} // namespace FaultHistory
