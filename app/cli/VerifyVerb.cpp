#include "VerifyVerb.h"

#include "SchemaVerbs.h"
#include "command/VerifyCommand.h"
#include "schema/SchemaDiff.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>

namespace retort::cli {

VerifyVerb::VerifyVerb(const Invocation &invocation, QTextStream &out, QTextStream &err)
    : m_invocation(invocation)
    , m_out(out)
    , m_err(err)
{
}

int VerifyVerb::run(const ProjectSnapshot &project)
{
    const bool json = m_invocation.has(QStringLiteral("json"));
    const QString dialect = m_invocation.value(QStringLiteral("dialect"));
    if (!dialect.isEmpty() && dialect != u"sqlite" && dialect != u"postgresql") {
        m_err << "retort: --dialect is sqlite or postgresql, not " << dialect << '\n';
        return 2;
    }
    SchemaCommandOptions options;
    options.dialect = dialect;
    options.urlOption = m_invocation.value(QStringLiteral("url"));
    options.workingDirectory = QDir::currentPath();
    const RunResult<VerifyReport> report = verifyCommand(project, m_invocation.positionals.value(0), options);
    if (const RunError *error = report.failure()) {
        if (json)
            m_out << QJsonDocument(QJsonObject{{QStringLiteral("error"), runErrorJson(*error)}})
                         .toJson(QJsonDocument::Indented);
        else
            m_err << "FAILED: " << error->toString() << '\n';
        return 1;
    }
    if (json) {
        QJsonArray steps;
        for (const StepVerification &step : report->steps) {
            const QString problem = StepVerification::problemName(step.problem);
            QJsonObject object{{QStringLiteral("revision"), step.revision},
                               {QStringLiteral("ok"), step.ok()},
                               {QStringLiteral("problem"), problem.isEmpty() ? QJsonValue() : QJsonValue(problem)},
                               {QStringLiteral("differences"), SchemaDiff::toJson(step.differences)}};
            if (step.error)
                object.insert(QStringLiteral("error"), runErrorJson(*step.error));
            if (!step.blockedBy.isEmpty())
                object.insert(QStringLiteral("blocked_by"), step.blockedBy);
            steps.append(object);
        }
        m_out << QJsonDocument(QJsonObject{{QStringLiteral("dialect"), report->dialect},
                                           {QStringLiteral("steps"), steps},
                                           {QStringLiteral("problems"), report->problems()}})
                     .toJson(QJsonDocument::Indented);
    } else {
        for (const StepVerification &step : report->steps) {
            if (step.ok()) {
                m_out << step.revision << " ok\n";
                continue;
            }
            m_out << step.revision << ' ' << StepVerification::problemName(step.problem) << ": " << step.describe()
                  << '\n';
            for (const SchemaChange &change : step.differences)
                m_out << "    " << change.toLine() << '\n';
        }
        m_out << report->steps.size() << " verified, " << report->problems() << " with problems (" << report->dialect
              << ")\n";
    }
    return report->ok() ? 0 : 1;
}

} // namespace retort::cli
