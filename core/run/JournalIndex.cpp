#include "JournalIndex.h"

namespace retort {

namespace {

QDateTime finishTime(const JournalEntry &entry)
{
    return entry.finishedAt.isValid() ? entry.finishedAt : entry.startedAt;
}

// Whether `candidate`, met after `current` in the input, is the newer row.
bool isNewer(const JournalEntry &candidate, const JournalEntry &current)
{
    if (candidate.id > 0 && current.id > 0)
        return candidate.id > current.id;
    const QDateTime candidateTime = finishTime(candidate);
    const QDateTime currentTime = finishTime(current);
    if (candidateTime.isValid() && currentTime.isValid() && candidateTime != currentTime)
        return candidateTime > currentTime;
    return true;
}

void keepNewest(std::optional<JournalEntry> &slot, const JournalEntry &entry)
{
    if (!slot || isNewer(entry, *slot))
        slot = entry;
}

} // namespace

JournalIndex::JournalIndex(const QList<JournalEntry> &entries)
{
    for (const JournalEntry &entry : entries) {
        if (entry.direction == u"stamp") {
            // A stamp row names every target it moved the table to, comma separated.
            if (entry.outcome != u"applied")
                continue;
            for (const QString &target : entry.revision.split(QLatin1Char(','), Qt::SkipEmptyParts))
                keepNewest(m_revisions[target.trimmed()].stamped, entry);
            continue;
        }
        const bool upgrade = entry.direction == u"upgrade";
        if (entry.revision.isEmpty() || (!upgrade && entry.direction != u"downgrade"))
            continue;
        RevisionJournal &revision = m_revisions[entry.revision];
        if (entry.outcome != u"applied")
            keepNewest(revision.failed, entry);
        else
            keepNewest(upgrade ? revision.applied : revision.reverted, entry);
    }
}

} // namespace retort
