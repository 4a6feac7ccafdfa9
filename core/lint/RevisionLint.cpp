#include "RevisionLint.h"

#include "PythonLint.h"
#include "SqlLint.h"
#include "script/SqlRevisionReader.h"

#include <QFile>
#include <QSet>

namespace retort {

namespace {

QList<SqlDialect> projectDialects(const RevisionLintOptions &options)
{
    return options.dialects.isEmpty() ? QList<SqlDialect>{SqlDialect::Sqlite, SqlDialect::PostgreSql}
                                      : options.dialects;
}

LintFindings lintSections(const QList<SqlSection> &sections, SqlDialect dialect, bool transactional,
                          const RevisionLintOptions &options)
{
    StepLintState state;
    state.dialect = dialect;
    state.postgresVersion = options.postgresVersion;
    state.transactional = transactional;
    LintFindings findings;
    for (const SqlSection &section : sections)
        findings += lintSql(section.text, section.firstLine, state);
    return findings;
}

// The same hazard seen under two dialects' rules is one finding.
void appendNew(LintFindings &into, const LintFindings &found)
{
    for (const LintFinding &finding : found) {
        const bool seen = std::any_of(into.cbegin(), into.cend(), [&](const LintFinding &other) {
            return other.rule == finding.rule && other.line == finding.line && other.message == finding.message;
        });
        if (!seen)
            into.append(finding);
    }
}

} // namespace

LintFindings lintSqlScript(const SqlScript &script, SqlDirection direction, bool transactional,
                           const RevisionLintOptions &options)
{
    LintFindings findings;
    const QList<SqlDialect> dialects = projectDialects(options);
    // What runs on each of the project's dialects: the unmarked sections and that dialect's.
    for (const SqlDialect dialect : dialects)
        appendNew(
            findings,
            lintSections(script.sectionsFor(direction, sqlDialectName(dialect)), dialect, transactional, options));
    // Sections marked for another dialect, with that dialect's rules.
    for (const SqlSection &section : script.sections) {
        if (section.direction != direction || section.dialect.isEmpty())
            continue;
        const std::optional<SqlDialect> marked = sqlDialectFromName(section.dialect);
        if (!marked || dialects.contains(*marked))
            continue;
        appendNew(findings, lintSections({section}, *marked, transactional, options));
    }
    findings = options.config.apply(findings);
    std::stable_sort(findings.begin(), findings.end(),
                     [](const LintFinding &a, const LintFinding &b) { return a.line < b.line; });
    sortBySeverity(findings);
    return findings;
}

LintFindings lintRevision(const Revision &revision, SqlDirection direction, const RevisionLintOptions &options)
{
    LintFindings findings;
    if (revision.format == ScriptFormat::Sql) {
        const SqlReadResult read = SqlRevisionReader::readFile(revision.path);
        findings = lintSqlScript(read.script, direction, revision.transactional, options);
    } else {
        QFile file(revision.path);
        if (file.open(QIODevice::ReadOnly)) {
            findings = options.config.apply(
                lintPythonFunction(file.readAll(), direction, options.dialects, options.postgresVersion).findings);
            std::stable_sort(findings.begin(), findings.end(),
                             [](const LintFinding &a, const LintFinding &b) { return a.line < b.line; });
            sortBySeverity(findings);
        }
    }
    for (LintFinding &finding : findings) {
        finding.revision = revision.id;
        finding.path = revision.path;
    }
    return findings;
}

} // namespace retort
