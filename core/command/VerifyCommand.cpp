#include "VerifyCommand.h"

#include "command/GraphCommands.h"
#include "command/ProjectReplay.h"
#include "shadow/DowngradeVerifier.h"

namespace retort {

RunResult<VerifyReport> verifyCommand(const ProjectSnapshot &project, const QString &range,
                                      const SchemaCommandOptions &options)
{
    RevIndexes revisions;
    if (!range.trimmed().isEmpty()) {
        const Result<RevIndexes> selected = historyCommand(project, range);
        if (!selected)
            return RunError::fromGraph(selected.error());
        if (selected->empty())
            return RunError::make(ErrorKind::CommandError,
                                  QStringLiteral("the range %1 holds no revision to verify").arg(range));
        revisions = *selected;
    }
    return verifyCommand(project, revisions, options);
}

RunResult<VerifyReport> verifyCommand(const ProjectSnapshot &project, const RevIndexes &revisions,
                                      const SchemaCommandOptions &options)
{
    RunResult<std::unique_ptr<ProjectReplay>> opened = ProjectReplay::open(project, options);
    if (const RunError *error = opened.failure())
        return *error;
    ProjectReplay &shadow = **opened;
    VerifyOptions verifyOptions;
    verifyOptions.reader = shadow.readerOptions();
    verifyOptions.revisions = revisions;
    verifyOptions.cache = shadow.cache();
    verifyOptions.pythonFactory = shadow.pythonFactory();
    verifyOptions.cancel = options.cancel;
    verifyOptions.progress = options.progress;
    return DowngradeVerifier(project.map(), shadow.server(), std::move(verifyOptions)).run();
}

} // namespace retort
