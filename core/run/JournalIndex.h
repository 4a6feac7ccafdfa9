#pragma once

#include "JournalEntry.h"

#include <QHash>
#include <QList>

#include <optional>

namespace retort {

// What the journal says about one revision: the newest row of each kind.
struct RevisionJournal
{
    std::optional<JournalEntry> applied; // newest successful upgrade running its script
    std::optional<JournalEntry> reverted; // newest successful downgrade running its script
    std::optional<JournalEntry> stamped; // newest stamp naming it as a target
    std::optional<JournalEntry> failed; // newest failed step of it, either direction

    bool isEmpty() const { return !applied && !reverted && !stamped && !failed; }
};

// The journal's rows by revision id, for showing who applied a revision and when. Pure: built
// from rows already read (journalCommand), in any order. "Newest" follows the row ids, the order
// in which the database committed them (clocks of different hosts may disagree); rows without
// an id fall back to their finish time, then to their position.
class JournalIndex
{
public:
    JournalIndex() = default;
    explicit JournalIndex(const QList<JournalEntry> &entries);

    RevisionJournal forRevision(const QString &revision) const { return m_revisions.value(revision); }
    bool isEmpty() const { return m_revisions.isEmpty(); }
    qsizetype revisionCount() const { return m_revisions.size(); }

private:
    QHash<QString, RevisionJournal> m_revisions;
};

} // namespace retort
