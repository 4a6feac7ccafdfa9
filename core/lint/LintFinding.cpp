#include "LintFinding.h"

#include <algorithm>

namespace retort {

QString lintSeverityName(LintSeverity severity)
{
    switch (severity) {
    case LintSeverity::Error:
        return QStringLiteral("error");
    case LintSeverity::Warning:
        return QStringLiteral("warning");
    case LintSeverity::Notice:
        return QStringLiteral("notice");
    }
    return {};
}

std::optional<LintSeverity> lintSeverityFromName(QStringView name)
{
    for (const LintSeverity severity : {LintSeverity::Error, LintSeverity::Warning, LintSeverity::Notice}) {
        if (name.trimmed().compare(lintSeverityName(severity), Qt::CaseInsensitive) == 0)
            return severity;
    }
    return std::nullopt;
}

QString LintFinding::toString() const
{
    QString where = path;
    if (line > 0)
        where += QLatin1Char(':') + QString::number(line);
    return QStringLiteral("%1: %2: %3 [%4]").arg(where, lintSeverityName(severity), message, rule);
}

void sortBySeverity(LintFindings &findings)
{
    std::stable_sort(findings.begin(), findings.end(),
                     [](const LintFinding &a, const LintFinding &b) { return int(a.severity) < int(b.severity); });
}

std::optional<LintSeverity> worstSeverity(const LintFindings &findings)
{
    std::optional<LintSeverity> worst;
    for (const LintFinding &finding : findings) {
        if (!worst || int(finding.severity) < int(*worst))
            worst = finding.severity;
    }
    return worst;
}

} // namespace retort
