#pragma once

#include "AlembicStep.h"

#include <QSet>
#include <QString>

#include <optional>

namespace retort {

// Reads the output of an Alembic / Flask-Migrate child line by line: the steps it announces,
// and what went wrong (a Python traceback's exception line, the revision script frame it came
// from, or the one-line errors Alembic, Flask-Migrate and click print without a traceback).
class AlembicOutputParser
{
public:
    // knownRevisions settles "Running downgrade m -> a, b, message", where a comma separates
    // both the target revisions and the message; without them only 12-hex-digit ids (Alembic's
    // generated form) are taken as extra targets.
    explicit AlembicOutputParser(QSet<QString> knownRevisions = {});

    // A step when line announces one (in any log format that keeps "Running <verb> ... -> ...").
    static std::optional<AlembicStep> parseStep(const QString &line, const QSet<QString> &knownRevisions = {});

    // Feeds one line (without its newline); returns the step it announces, if any.
    std::optional<AlembicStep> feed(const QString &line);

    // The last exception line of the last traceback, e.g.
    // "sqlalchemy.exc.OperationalError: (sqlite3.OperationalError) no such table: x".
    QString exceptionLine() const { return m_exceptionLine; }
    // The last "FAILED: ...", "Error: ..." or "ERROR [...] ..." line seen outside a traceback.
    QString errorLine() const { return m_errorLine; }
    // The innermost frame of the last traceback that ran a revision's upgrade() / downgrade().
    QString scriptPath() const { return m_scriptPath; }
    int scriptLine() const { return m_scriptLine; }

private:
    QSet<QString> m_known;
    bool m_inTraceback = false;
    QString m_exceptionLine;
    QString m_errorLine;
    QString m_scriptPath;
    int m_scriptLine = 0;
};

} // namespace retort
