#include "SqlLint.h"

#include "db/SqlSplitter.h"

#include <QRegularExpression>

namespace retort {

QSet<QString> ignoredRules(QStringView line)
{
    static const QRegularExpression directive(QStringLiteral("retort:\\s*ignore\\s+([A-Za-z0-9_\\-, ]+)"));
    const QRegularExpressionMatch match = directive.match(line.toString());
    QSet<QString> rules;
    if (!match.hasMatch())
        return rules;
    static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
    for (const QString &rule : match.captured(1).split(separators, Qt::SkipEmptyParts))
        rules.insert(rule.toLower());
    return rules;
}

LintFindings lintSql(QStringView text, int firstLine, StepLintState &state)
{
    LintFindings findings;
    const auto split = SqlSplitter::split(text, state.dialect, firstLine);
    if (!split.ok())
        return findings;
    qsizetype previousEnd = -1;
    for (const SqlStatement &statement : split.value()) {
        // Only whole comment lines between the previous statement and this one: a comment after
        // the previous statement on its own line belongs to that statement.
        const qsizetype gapStart = previousEnd < 0 ? 0 : previousEnd;
        QStringList gap = text.mid(gapStart, statement.offset - gapStart).toString().split(QLatin1Char('\n'));
        if (previousEnd >= 0 && !gap.isEmpty())
            gap.removeFirst();
        QSet<QString> ignored;
        for (const QString &line : std::as_const(gap)) {
            if (line.trimmed().startsWith(QLatin1String("--")))
                ignored.unite(ignoredRules(line));
        }
        previousEnd = statement.offset + statement.text.size();

        LintFindings found;
        lintStatement(statement, state, found);
        for (const LintFinding &finding : std::as_const(found)) {
            if (!ignored.contains(finding.rule) && !ignored.contains(QStringLiteral("all")))
                findings.append(finding);
        }
    }
    return findings;
}

} // namespace retort
