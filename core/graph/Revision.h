#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace retort {

enum class ScriptFormat { Python, Sql };

// 1-based inclusive line range inside a script file; first == 0 means absent.
struct LineRange
{
    int first = 0;
    int last = 0;
    bool isValid() const { return first > 0 && last >= first; }
    friend bool operator==(const LineRange &, const LineRange &) = default;
};

// One revision as read from its file: the graph fields Alembic uses plus what a person sees.
// Plain value type: readers produce it, the revision map consumes it, nothing mutates it after.
struct Revision
{
    QString id;
    QStringList downRevisions; // empty for a base; several for a merge
    QStringList branchLabels;
    QStringList dependsOn; // revision ids or branch labels
    QString message; // Alembic's "doc": the docstring's first paragraph / Message header
    QString longDoc; // Alembic's "longdoc": the whole stripped docstring (Python only)
    QString createDate;
    QString path; // absolute path of the script file
    ScriptFormat format = ScriptFormat::Python;
    int line = 0; // line that defines the id (for problems)
    LineRange upgradeLines; // Python: def upgrade(); SQL: first to last upgrade section
    LineRange downgradeLines;
    bool transactional = true; // native SQL: "-- Transactional: no" runs statement by statement

    friend bool operator==(const Revision &, const Revision &) = default;
};

using Revisions = QList<Revision>;

} // namespace retort
