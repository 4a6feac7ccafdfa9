#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace retort {

enum class LintSeverity { Error, Warning, Notice };

// "error" / "warning" / "notice".
QString lintSeverityName(LintSeverity severity);
// Case-insensitive; nullopt for anything else.
std::optional<LintSeverity> lintSeverityFromName(QStringView name);

// One hazard found in a step: which rule, how bad, where, and what to do instead.
struct LintFinding
{
    QString rule; // "ban-drop-column"; squawk's id where the meaning is the same
    LintSeverity severity = LintSeverity::Warning;
    QString revision;
    QString path;
    int line = 0; // 1-based file line of the statement (or op.* call)
    QString message; // one line naming the object
    QString statement; // the statement or call as written
    QString advice; // why it is a hazard and what to do instead

    // "path:line: severity: message [rule]"
    QString toString() const;
    friend bool operator==(const LintFinding &, const LintFinding &) = default;
};

using LintFindings = QList<LintFinding>;

// Errors first, then warnings, then notices; in file order within each.
void sortBySeverity(LintFindings &findings);
// The worst severity among findings; nullopt when there are none.
std::optional<LintSeverity> worstSeverity(const LintFindings &findings);

} // namespace retort
