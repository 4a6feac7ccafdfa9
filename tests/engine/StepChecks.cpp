#include "StepChecks.h"

#include "RandomGraph.h"

using namespace Qt::StringLiterals;

QString eachStepRanOnce(EngineDatabase &db, const RevisionSpecs &specs)
{
    QString failure;
    const QList<QStringList> counts =
        db.rows(u"SELECT revision, COUNT(*) FROM step_log GROUP BY revision ORDER BY revision"_s, &failure);
    if (!failure.isEmpty())
        return failure;
    const QList<QStringList> journal =
        db.rows(u"SELECT revision, COUNT(*) FROM retort_journal WHERE direction = 'upgrade' AND outcome = 'applied' "
                "GROUP BY revision ORDER BY revision"_s,
                &failure);
    if (!failure.isEmpty())
        return failure;
    if (counts.size() != specs.size() || journal.size() != specs.size())
        return u"%1 revisions, %2 in step_log, %3 in the journal"_s.arg(specs.size())
            .arg(counts.size())
            .arg(journal.size());
    const QStringList tables = db.tables();
    for (int i = 0; i < specs.size(); ++i) {
        const QStringList once{specs[i].id, u"1"_s};
        if (counts[i] != once)
            return u"step_log holds %1, expected %2"_s.arg(counts[i].join(u" x"_s), once.join(u" x"_s));
        if (journal[i] != once)
            return u"the journal holds %1, expected %2"_s.arg(journal[i].join(u" x"_s), once.join(u" x"_s));
        if (!tables.contains(RandomGraph::tableOf(specs[i].id)))
            return u"no table for %1"_s.arg(specs[i].id);
    }
    const QStringList rows = db.versionRows();
    if (rows != QStringList{specs.last().id})
        return u"the version table holds [%1], expected %2"_s.arg(rows.join(u", "_s), specs.last().id);
    return {};
}
