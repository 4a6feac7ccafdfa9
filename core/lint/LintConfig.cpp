#include "LintConfig.h"

#include "LintRules.h"

namespace retort {

namespace {

const QString severityPrefix = QStringLiteral("lint_severity.");

} // namespace

LintConfig LintConfig::fromSection(const QMap<QString, QString> &section, const QString &iniPath)
{
    LintConfig config;
    const auto problem = [&](const QString &message) {
        config.problems.append(
            Problem::make(Problem::Severity::Warning, QStringLiteral("BadSetting"), iniPath, 0, message));
    };
    for (auto it = section.cbegin(); it != section.cend(); ++it) {
        const QString key = it.key().trimmed().toLower();
        const QString value = it.value().trimmed();
        if (key == u"lint_disable") {
            for (const QString &part : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                const QString rule = part.trimmed().toLower();
                if (rule.isEmpty())
                    continue;
                if (!lintRule(rule))
                    problem(QStringLiteral("[retort] lint_disable names %1, which is not a lint rule; see `retort "
                                           "lint --help` for the rules")
                                .arg(rule));
                config.disabled.insert(rule);
            }
        } else if (key.startsWith(severityPrefix)) {
            const QString rule = key.mid(severityPrefix.size());
            if (!lintRule(rule)) {
                problem(QStringLiteral("[retort] %1: %2 is not a lint rule; the setting is ignored").arg(key, rule));
                continue;
            }
            if (value.compare(u"off", Qt::CaseInsensitive) == 0) {
                config.disabled.insert(rule);
                continue;
            }
            const std::optional<LintSeverity> severity = lintSeverityFromName(value);
            if (!severity) {
                problem(QStringLiteral("[retort] %1 = %2: write error, warning, notice or off").arg(key, value));
                continue;
            }
            config.severities.insert(rule, *severity);
        } else if (key == u"lint_postgres_version") {
            bool ok = false;
            const int major = value.section(QLatin1Char('.'), 0, 0).toInt(&ok);
            if (!ok || major < 9 || major > 99) {
                problem(
                    QStringLiteral("[retort] lint_postgres_version = %1: write a major version such as 15").arg(value));
                continue;
            }
            config.postgresVersion = major;
        }
    }
    return config;
}

LintFindings LintConfig::apply(const LintFindings &findings) const
{
    LintFindings kept;
    for (LintFinding finding : findings) {
        if (disabled.contains(finding.rule))
            continue;
        if (const auto it = severities.constFind(finding.rule); it != severities.cend())
            finding.severity = *it;
        kept.append(finding);
    }
    return kept;
}

} // namespace retort
