#pragma once

#include "command/JournalCommands.h"
#include "run/JournalIndex.h"
#include "vcs/GitHistory.h"

#include <QCoreApplication>
#include <QStringList>

#include <memory>

namespace retort::ui {

// Where a revision came from and what happened to it: "Added by ... (commit ...)" from git and
// "Applied by ... at ... (...)" from the journal, as lines of plain text for the details pane.
class RevisionProvenance
{
    Q_DECLARE_TR_FUNCTIONS(RevisionProvenance)

public:
    void setGitHistory(std::shared_ptr<const GitHistory> history) { m_git = std::move(history); }
    void setJournal(const JournalLog &log);
    // No journal to show: no database connected, or reading it failed (`reason` says which).
    void setJournalUnavailable(const QString &reason);

    // Empty when git has nothing to say (no repository, or not read yet).
    QString addedText(const QString &revisionPath) const;
    QStringList journalLines(const QString &revisionId) const;

    static QString durationText(qint64 milliseconds);

private:
    std::shared_ptr<const GitHistory> m_git;
    JournalIndex m_journal;
    bool m_journalRead = false;
    bool m_journalEnabled = false;
    bool m_journalTableExists = false;
    QString m_journalHint = tr("journal not read: no database connected");
};

} // namespace retort::ui
