#include "LintCommand.h"

#include "command/GraphCommands.h"
#include "command/MigrateCommands.h"
#include "command/ServerVersion.h"
#include "db/Connection.h"
#include "lint/HistoryLint.h"
#include "lint/LintConfig.h"
#include "lint/LintRules.h"
#include "lint/PythonLint.h"
#include "lint/RevisionLint.h"
#include "run/Journal.h"
#include "run/MigrationPlanning.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace retort {

namespace {

Problem lintProblem(const QString &message)
{
    return Problem::make(Problem::Severity::Warning, QStringLiteral("LintScope"), {}, 0, message);
}

// The revisions to lint, oldest first.
RunResult<RevIndexes> selectRevisions(const ProjectSnapshot &project, const LintRequest &request, LintReport &report)
{
    const RevisionMap &map = project.map();
    const QString selector = request.selector.trimmed();
    if (!selector.isEmpty()) {
        const Result<RevIndexes> selected =
            selector.contains(QLatin1Char(':')) ? historyCommand(project, selector) : showCommand(project, selector);
        if (!selected)
            return RunError::fromGraph(selected.error());
        if (selected->empty())
            return RunError::make(ErrorKind::CommandError,
                                  QStringLiteral("%1 names no revision to lint").arg(selector));
        RevIndexes indexes = *selected;
        if (selector.contains(QLatin1Char(':')))
            std::reverse(indexes.begin(), indexes.end()); // history is newest first
        report.scope = QStringLiteral("%1 revision(s) of %2").arg(indexes.size()).arg(selector);
        return indexes;
    }
    if (request.databaseHeads) {
        const Result<Plan> plan =
            planMigration(map, *request.databaseHeads, MigrationRequest::upgrade(QStringLiteral("heads")));
        if (plan) {
            RevIndexes indexes;
            for (const PlanStep &step : plan->steps) {
                if (const RevIndex index = map.indexOf(step.revision); index >= 0)
                    indexes.push_back(index);
            }
            report.scope = QStringLiteral("%1 revision(s) not applied to the database").arg(indexes.size());
            return indexes;
        }
        report.problems.append(
            lintProblem(QStringLiteral("cannot tell which revisions the database lacks (%1); linting every revision")
                            .arg(plan.error().message)));
    }
    const Result<RevIndexes> all = historyCommand(project, {});
    if (!all)
        return RunError::fromGraph(all.error());
    RevIndexes indexes = *all;
    std::reverse(indexes.begin(), indexes.end());
    report.scope = QStringLiteral("every revision (%1)").arg(indexes.size());
    return indexes;
}

// What the SQL Alembic renders shows beyond the static read: rules the read did not report for
// the revision and no "# retort: ignore" in upgrade() names.
LintFindings renderedOnly(const ProjectSnapshot &project, const Revision &revision, const LintFindings &found,
                          const RevisionLintOptions &options, RenderSource &render)
{
    QFile file(revision.path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const PythonFunctionLint read =
        lintPythonFunction(file.readAll(), SqlDirection::Upgrade, options.dialects, options.postgresVersion);
    if (!read.present)
        return {};
    const std::optional<LintFindings> rendered = renderedPythonLint(project, revision, read.line, options, render);
    if (!rendered)
        return {};
    QSet<QString> seen = read.ignored;
    for (const LintFinding &finding : found)
        seen.insert(finding.rule);
    LintFindings extra;
    for (const LintFinding &finding : *rendered) {
        if (!seen.contains(finding.rule) && !seen.contains(QStringLiteral("all"))) {
            seen.insert(finding.rule);
            extra.append(finding);
        }
    }
    return extra;
}

} // namespace

bool LintReport::hasErrors() const
{
    return std::any_of(findings.cbegin(), findings.cend(),
                       [](const LintFinding &finding) { return finding.severity == LintSeverity::Error; });
}

RunResult<LintReport> lintCommand(const ProjectSnapshot &project, const LintRequest &request)
{
    if (const auto &blocking = project.blockingError())
        return RunError::fromGraph(*blocking);
    LintReport report;
    const LintConfig config = LintConfig::fromSection(project.config().retort, project.config().iniPath);
    report.problems += config.problems;
    const RunResult<RevIndexes> selected = selectRevisions(project, request, report);
    if (const RunError *error = selected.failure())
        return *error;

    RevisionLintOptions options;
    options.dialects = request.dialects;
    options.config = config;
    // The version the rules assume: the setting, else the connected server's, else 15.
    options.postgresVersion = config.postgresVersion.value_or(request.serverVersion.value_or(15));
    report.dialects = request.dialects;
    report.postgresVersion = options.postgresVersion;

    std::optional<RenderSource> render = request.render;
    const RevisionMap &map = project.map();
    for (const RevIndex index : *selected) {
        const Revision &revision = map.revision(index);
        report.revisions.append(revision.id);
        const LintFindings found = lintRevision(revision, SqlDirection::Upgrade, options);
        report.findings += found;
        if (render && revision.format == ScriptFormat::Python)
            report.findings += renderedOnly(project, revision, found, options, *render);
        report.findings += lintHistory(revision, options);
    }
    // Applied scripts edited since they ran, whichever revisions were asked for: the edit never
    // runs on that database.
    LintFindings edited;
    for (const ChangedScript &changed : request.changedScripts) {
        LintFinding finding =
            makeFinding(QStringLiteral("edited-applied-script"), 1,
                        QStringLiteral("revision %1 was applied with sha256 %2 and its file now has %3")
                            .arg(changed.revision, changed.appliedSha256.left(12), changed.currentSha256.left(12)),
                        {});
        finding.revision = changed.revision;
        finding.path = changed.path;
        edited.append(finding);
    }
    report.findings += config.apply(edited);
    sortBySeverity(report.findings);
    return report;
}

RunResult<LintReport> lintCommand(std::shared_ptr<const ProjectSnapshot> project, const QString &selector,
                                  const QString &urlOption, const QProcessEnvironment &environment,
                                  const QString &workingDirectory)
{
    LintRequest request;
    request.selector = selector;
    Problems problems;
    const DbResult<DatabaseTarget> target =
        resolveDatabaseTarget(project->config(), urlOption, environment, workingDirectory);
    bool connect = target.ok();
    if (connect) {
        request.dialects = {target->url.sqlDialect()};
        request.render = RenderSource{urlOption, environment, workingDirectory, {}, false};
        // A SQLite file that does not exist yet has nothing applied; opening it would create it.
        if (target->url.isSqlite()) {
            const QString path = target->url.database;
            connect = !path.isEmpty() && path != u":memory:"
                && QFileInfo(QFileInfo(path).isAbsolute() ? path : workingDirectory + u'/' + path).exists();
        }
    }
    if (connect) {
        auto opened = DatabaseSession::open(project, urlOption, environment, workingDirectory);
        if (const RunError *error = opened.failure()) {
            problems.append(lintProblem(
                QStringLiteral("cannot reach %1 (%2); linting without it").arg(target->displayUrl(), error->message)));
        } else {
            DatabaseSession &session = **opened;
            const RunResult<CheckReport> check = checkCommand(session);
            if (const RunError *checkError = check.failure())
                return *checkError;
            request.databaseHeads = check->databaseHeads;
            request.changedScripts = check->changedScripts;
            request.serverVersion = postgresMajorVersion(session.connection());
        }
    }
    RunResult<LintReport> report = lintCommand(*project, request);
    if (report.ok())
        report.value().problems = problems + report.value().problems;
    return report;
}

} // namespace retort
