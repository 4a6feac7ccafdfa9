#include "HistoryLint.h"

#include "LintRules.h"
#include "PythonLint.h"
#include "SqlTokens.h"
#include "db/SqlSplitter.h"
#include "script/SqlRevisionReader.h"

#include <QFile>

namespace retort {

namespace {

// Whether the statements hold DDL, and how many statements there are.
struct SectionsContent
{
    int statements = 0;
    bool schemaChange = false;
};

SectionsContent contentOf(const QList<SqlSection> &sections, SqlDialect dialect)
{
    static const QStringList ddl = {QStringLiteral("CREATE"), QStringLiteral("ALTER"), QStringLiteral("DROP"),
                                    QStringLiteral("RENAME"), QStringLiteral("TRUNCATE")};
    SectionsContent content;
    for (const SqlSection &section : sections) {
        const auto split = SqlSplitter::split(section.text, dialect, section.firstLine);
        if (!split.ok())
            continue;
        for (const SqlStatement &statement : split.value()) {
            ++content.statements;
            const LintTokens tokens = lintTokens(statement.text, dialect);
            if (!tokens.isEmpty() && ddl.contains(tokens.constFirst().word))
                content.schemaChange = true;
        }
    }
    return content;
}

LintFindings nativeHistory(const Revision &revision, const RevisionLintOptions &options)
{
    const SqlReadResult read = SqlRevisionReader::readFile(revision.path);
    if (!read.revision)
        return {};
    const QList<SqlDialect> dialects =
        options.dialects.isEmpty() ? QList<SqlDialect>{SqlDialect::Sqlite, SqlDialect::PostgreSql} : options.dialects;
    for (const SqlDialect dialect : dialects) {
        const QString name = sqlDialectName(dialect);
        const SectionsContent up = contentOf(read.script.sectionsFor(SqlDirection::Upgrade, name), dialect);
        if (!up.schemaChange)
            continue;
        const QList<SqlSection> downSections = read.script.sectionsFor(SqlDirection::Downgrade, name);
        if (downSections.isEmpty())
            return {makeFinding(
                QStringLiteral("missing-downgrade"), revision.upgradeLines.first,
                QStringLiteral("revision %1 changes the schema and has no -- +downgrade section").arg(revision.id),
                {})};
        if (contentOf(downSections, dialect).statements == 0)
            return {
                makeFinding(QStringLiteral("empty-downgrade"), downSections.constFirst().markerLine,
                            QStringLiteral("the downgrade of %1 has no statements, but its upgrade changes the schema")
                                .arg(revision.id),
                            {})};
    }
    return {};
}

LintFindings pythonHistory(const Revision &revision, const RevisionLintOptions &options)
{
    QFile file(revision.path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray source = file.readAll();
    const PythonFunctionLint up =
        lintPythonFunction(source, SqlDirection::Upgrade, options.dialects, options.postgresVersion);
    if (up.calls == 0)
        return {};
    const PythonFunctionLint down =
        lintPythonFunction(source, SqlDirection::Downgrade, options.dialects, options.postgresVersion);
    if (!down.present)
        return {makeFinding(
            QStringLiteral("missing-downgrade"), up.line,
            QStringLiteral("revision %1 changes the schema and defines no downgrade()").arg(revision.id), {})};
    if (down.empty)
        return {
            makeFinding(QStringLiteral("empty-downgrade"), down.line,
                        QStringLiteral("downgrade() of %1 is only pass, but its upgrade() calls %2 op.* operation(s)")
                            .arg(revision.id)
                            .arg(up.calls),
                        {})};
    return {};
}

} // namespace

LintFindings lintHistory(const Revision &revision, const RevisionLintOptions &options)
{
    LintFindings findings = options.config.apply(
        revision.format == ScriptFormat::Sql ? nativeHistory(revision, options) : pythonHistory(revision, options));
    for (LintFinding &finding : findings) {
        finding.revision = revision.id;
        finding.path = revision.path;
    }
    return findings;
}

} // namespace retort
