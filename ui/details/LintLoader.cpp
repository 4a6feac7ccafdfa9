#include "LintLoader.h"

#include "command/DatabaseTarget.h"
#include "command/LintCommand.h"

#include <QDir>

namespace retort::ui {

LintLoader::LintLoader(QObject *parent)
    : QObject(parent)
{
}

LintLoader::~LintLoader() = default;

void LintLoader::load(std::shared_ptr<const ProjectSnapshot> project, const QString &url)
{
    const quint64 generation = ++m_generation;
    auto result = std::make_shared<QHash<QString, LintFindings>>();
    m_jobs.start(
        QStringLiteral("retort-lint"),
        [project, url, result] {
            LintRequest request;
            const auto target = resolveDatabaseTarget(project->config(), url, QProcessEnvironment::systemEnvironment(),
                                                      QDir::currentPath());
            if (target.ok())
                request.dialects = {target->url.sqlDialect()};
            const RunResult<LintReport> report = lintCommand(*project, request);
            if (!report.ok())
                return;
            for (const LintFinding &finding : report->findings)
                (*result)[finding.revision].append(finding);
        },
        [this, result, generation] {
            if (generation == m_generation)
                emit loaded(*result);
        });
}

} // namespace retort::ui
