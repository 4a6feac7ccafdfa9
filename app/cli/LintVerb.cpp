#include "LintVerb.h"

#include "SchemaVerbs.h"
#include "command/LintCommand.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcessEnvironment>

namespace retort::cli {

namespace {

// A path below the working directory as a relative one (what CI annotations and editors want).
QString shownPath(const QString &path)
{
    const QString relative = QDir::current().relativeFilePath(path);
    return relative.startsWith(QLatin1String("..")) ? path : relative;
}

QString escapeData(QString text)
{
    return text.replace(u'%', QLatin1String("%25"))
        .replace(u'\r', QLatin1String("%0D"))
        .replace(u'\n', QLatin1String("%0A"));
}

QString escapeProperty(const QString &text)
{
    return escapeData(text).replace(u':', QLatin1String("%3A")).replace(u',', QLatin1String("%2C"));
}

} // namespace

LintVerb::LintVerb(const Invocation &invocation, QTextStream &out, QTextStream &err)
    : m_invocation(invocation)
    , m_out(out)
    , m_err(err)
{
}

QString LintVerb::githubAnnotation(const LintFinding &finding, const QString &path)
{
    return QStringLiteral("::%1 file=%2,line=%3,title=%4::%5")
        .arg(lintSeverityName(finding.severity), escapeProperty(path), QString::number(finding.line),
             escapeProperty(finding.rule), escapeData(finding.message + QStringLiteral(". ") + finding.advice));
}

int LintVerb::run(std::shared_ptr<const ProjectSnapshot> project)
{
    const bool json = m_invocation.has(QStringLiteral("json"));
    const QString format = m_invocation.value(QStringLiteral("format"));
    if (!format.isEmpty() && format != u"text" && format != u"github") {
        m_err << "retort: --format is text or github, not " << format << '\n';
        return 2;
    }
    const RunResult<LintReport> report =
        lintCommand(std::move(project), m_invocation.positionals.value(0), m_invocation.value(QStringLiteral("url")),
                    QProcessEnvironment::systemEnvironment(), QDir::currentPath());
    if (const RunError *error = report.failure()) {
        if (json)
            m_out << QJsonDocument(QJsonObject{{QStringLiteral("error"), runErrorJson(*error)}})
                         .toJson(QJsonDocument::Indented);
        else
            m_err << "FAILED: " << error->toString() << '\n';
        return 1;
    }
    for (const Problem &problem : report->problems)
        m_err << "retort: warning: " << problem.toString() << '\n';

    if (json) {
        QJsonArray findings;
        for (const LintFinding &finding : report->findings) {
            findings.append(QJsonObject{{QStringLiteral("rule"), finding.rule},
                                        {QStringLiteral("severity"), lintSeverityName(finding.severity)},
                                        {QStringLiteral("revision"), finding.revision},
                                        {QStringLiteral("path"), shownPath(finding.path)},
                                        {QStringLiteral("line"), finding.line},
                                        {QStringLiteral("message"), finding.message},
                                        {QStringLiteral("statement"), finding.statement},
                                        {QStringLiteral("advice"), finding.advice}});
        }
        QJsonArray dialects;
        for (const SqlDialect dialect : report->dialects)
            dialects.append(sqlDialectName(dialect));
        m_out << QJsonDocument(QJsonObject{{QStringLiteral("findings"), findings},
                                           {QStringLiteral("revisions"), QJsonArray::fromStringList(report->revisions)},
                                           {QStringLiteral("dialects"), dialects},
                                           {QStringLiteral("postgres_version"), report->postgresVersion}})
                     .toJson(QJsonDocument::Indented);
    } else if (format == u"github") {
        for (const LintFinding &finding : report->findings)
            m_out << githubAnnotation(finding, shownPath(finding.path)) << '\n';
    } else {
        int counts[3] = {0, 0, 0};
        for (const LintFinding &finding : report->findings) {
            ++counts[int(finding.severity)];
            LintFinding shown = finding;
            shown.path = shownPath(finding.path);
            m_out << shown.toString() << " (" << finding.revision << ")\n";
            m_out << "    " << finding.statement.simplified().left(160) << '\n';
            m_out << "    " << finding.advice << '\n';
        }
        QStringList dialects;
        for (const SqlDialect dialect : report->dialects)
            dialects << sqlDialectName(dialect);
        m_out << report->scope << ": " << counts[0] << " error(s), " << counts[1] << " warning(s), " << counts[2]
              << " notice(s); rules of "
              << (dialects.isEmpty() ? QStringLiteral("sqlite and postgresql") : dialects.join(QStringLiteral(", ")))
              << " (PostgreSQL " << report->postgresVersion << ")\n";
    }
    return report->hasErrors() ? 1 : 0;
}

} // namespace retort::cli
