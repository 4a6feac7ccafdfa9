#include "RevisionProvenance.h"

#include <algorithm>

namespace retort::ui {

namespace {

QString timeText(const QDateTime &time)
{
    return time.isValid() ? time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QStringLiteral("?");
}

} // namespace

void RevisionProvenance::setJournal(const JournalLog &log)
{
    m_journal = JournalIndex(log.entries);
    m_journalRead = true;
    m_journalEnabled = log.enabled;
    m_journalTableExists = log.tableExists;
    m_journalHint.clear();
}

void RevisionProvenance::setJournalUnavailable(const QString &reason)
{
    m_journal = JournalIndex();
    m_journalRead = false;
    m_journalHint = reason;
}

QString RevisionProvenance::addedText(const QString &revisionPath) const
{
    if (!m_git || m_git->isEmpty())
        return {};
    const auto origin = m_git->originOf(revisionPath);
    if (!origin)
        return tr("not committed to git yet");
    return tr("Added by %1 on %2 (commit %3)")
        .arg(origin->email.isEmpty() ? origin->author : origin->author + QStringLiteral(" <") + origin->email + u'>',
             timeText(origin->date), origin->shortCommit());
}

QStringList RevisionProvenance::journalLines(const QString &revisionId) const
{
    if (!m_journalRead)
        return {m_journalHint};
    const RevisionJournal found = m_journal.forRevision(revisionId);
    if (found.isEmpty()) {
        if (!m_journalTableExists && !m_journalEnabled)
            return {tr("journal not enabled for this project ([retort] journal = true in alembic.ini turns it on)")};
        if (!m_journalTableExists)
            return {tr("no journal yet: the next run creates it")};
        return {tr("not in the journal")};
    }
    // Newest first, so the line on top says where the revision stands.
    QList<std::pair<const JournalEntry *, QString>> lines;
    const auto add = [&lines](const std::optional<JournalEntry> &entry, const QString &text) {
        if (entry)
            lines.append({&*entry, text});
    };
    const auto describe = [](const QString &verb, const JournalEntry &entry) {
        return tr("%1 by %2 at %3 (%4)")
            .arg(verb, entry.appliedBy.isEmpty() ? tr("someone") : entry.appliedBy, timeText(entry.finishedAt),
                 durationText(entry.durationMs));
    };
    add(found.applied, found.applied ? describe(tr("Applied"), *found.applied) : QString());
    add(found.reverted, found.reverted ? describe(tr("Reverted"), *found.reverted) : QString());
    add(found.stamped,
        found.stamped ? tr("Stamped by %1 at %2").arg(found.stamped->appliedBy, timeText(found.stamped->finishedAt))
                      : QString());
    if (found.failed) {
        const QString firstLine = found.failed->error.section(u'\n', 0, 0);
        add(found.failed,
            tr("Failed (%1) for %2 at %3%4")
                .arg(found.failed->direction, found.failed->appliedBy, timeText(found.failed->finishedAt),
                     firstLine.isEmpty() ? QString() : QStringLiteral(": ") + firstLine));
    }
    std::stable_sort(lines.begin(), lines.end(), [](const auto &a, const auto &b) {
        if (a.first->id > 0 && b.first->id > 0)
            return a.first->id > b.first->id;
        return a.first->finishedAt > b.first->finishedAt;
    });
    QStringList texts;
    for (const auto &line : std::as_const(lines))
        texts.append(line.second);
    return texts;
}

QString RevisionProvenance::durationText(qint64 milliseconds)
{
    if (milliseconds < 1000)
        return tr("%1 ms").arg(milliseconds);
    if (milliseconds < 60'000)
        return tr("%1 s").arg(double(milliseconds) / 1000.0, 0, 'f', 1);
    const qint64 seconds = milliseconds / 1000;
    return tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
}

} // namespace retort::ui
