#pragma once

#include "graph/RevisionMap.h"

#include <QString>

namespace retort::cli {

// Alembic's text forms of a revision (alembic/script/base.py: Script._head_only, log_entry),
// so scripts that parse `alembic history` output read ours the same way. One per thread: it
// remembers the last branch label list it wrote.
class RevisionText
{
public:
    explicit RevisionText(const RevisionMap &map)
        : m_map(map)
    {
    }

    struct Parts
    {
        bool branches = false; // " (label, ...)"
        bool doc = false; // ", message"
        bool parents = false; // "down (deps) -> " before the id
        bool treeIndicators = true; // " (branchpoint)", " (mergepoint)"
    };
    // One line: `history` uses every part, `heads` branches without tree indicators.
    QString line(RevIndex revision, const Parts &parts) const;
    // The same appended to `out`, with no string of its own (history writes thousands).
    void appendLine(QString &out, RevIndex revision, const Parts &parts) const;
    // The verbose block of `history -v`, `heads -v` and `show`, ending with a newline.
    QString logEntry(RevIndex revision) const;

private:
    QString formatDownRevision(RevIndex revision) const;
    void appendLabels(QString &out, const QStringList &labels) const;

    const RevisionMap &m_map;
    // Revisions with the same labels share one list (RevisionMap::branchLabels), and in a
    // history they come in runs: the list last written and its text, ready to copy.
    mutable const QString *m_lastLabels = nullptr;
    mutable QString m_lastLabelsText;
};

} // namespace retort::cli
