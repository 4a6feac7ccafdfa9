#include "RenderedLint.h"

#include "command/OfflineCommand.h"
#include "command/RetortSettings.h"
#include "lint/SqlLint.h"
#include "run/ScriptChecksum.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>

namespace retort {

namespace {

// The statements of the one step in Alembic's offline output: after "-- Running upgrade ... ->
// rev" up to the version table's statement.
QString stepStatements(const QString &output, const QString &revision, const QString &versionTable)
{
    const qsizetype running = output.indexOf(QStringLiteral("-> %1").arg(revision));
    if (running < 0)
        return {};
    const qsizetype start = output.indexOf(QLatin1Char('\n'), running);
    if (start < 0)
        return {};
    qsizetype end = output.size();
    for (const QString &verb : {QStringLiteral("UPDATE "), QStringLiteral("INSERT INTO ")}) {
        const qsizetype at = output.indexOf(verb + versionTable, start);
        if (at >= 0 && at < end)
            end = at;
    }
    return output.mid(start, end - start);
}

} // namespace

std::optional<LintFindings> renderedPythonLint(const ProjectSnapshot &project, const Revision &revision,
                                               int upgradeLine, const RevisionLintOptions &options,
                                               RenderSource &source)
{
    if (source.unavailable || revision.format != ScriptFormat::Python || revision.downRevisions.size() > 1
        || options.dialects.size() != 1)
        return std::nullopt;
    const Fallible<QString> checksum = ScriptChecksum::ofFile(revision.path);
    if (!checksum.ok())
        return std::nullopt;
    const SqlDialect dialect = options.dialects.constFirst();
    const QString directory = source.cacheDirectory.isEmpty()
        ? QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/lint")
        : source.cacheDirectory;
    const QString cached = QStringLiteral("%1/%2-%3.sql").arg(directory, checksum.value(), sqlDialectName(dialect));

    QString output;
    QFile file(cached);
    if (file.open(QIODevice::ReadOnly)) {
        output = QString::fromUtf8(file.readAll());
    } else {
        const QString parent = revision.downRevisions.value(0, QStringLiteral("base"));
        const RunResult<QString> rendered =
            offlineSqlCommand(project, source.urlOption, source.environment, source.workingDirectory,
                              MigrationRequest::upgrade(parent + QLatin1Char(':') + revision.id));
        if (const RunError *error = rendered.failure()) {
            if (error->kind == ErrorKind::AlembicUnavailable)
                source.unavailable = true;
            return std::nullopt;
        }
        output = rendered.value();
        QDir().mkpath(directory);
        QFile store(cached);
        if (store.open(QIODevice::WriteOnly | QIODevice::Truncate))
            store.write(output.toUtf8());
    }

    const QString table = RetortSettings::fromConfig(project.config()).versionTable.table;
    StepLintState state;
    state.dialect = dialect;
    state.postgresVersion = options.postgresVersion;
    // Alembic's own BEGIN / COMMIT (and those around an autocommit_block) are not the script's.
    state.transactional = false;
    LintFindings findings;
    for (LintFinding finding : lintSql(stepStatements(output, revision.id, table), upgradeLine, state)) {
        finding.line = upgradeLine;
        finding.message = QStringLiteral("in the SQL Alembic renders: ") + finding.message;
        finding.revision = revision.id;
        finding.path = revision.path;
        findings.append(finding);
    }
    return options.config.apply(findings);
}

} // namespace retort
