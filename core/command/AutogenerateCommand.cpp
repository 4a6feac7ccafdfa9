#include "AutogenerateCommand.h"

#include "command/NewRevision.h"
#include "command/RevisionCommand.h"

using namespace Qt::StringLiterals;

namespace retort {

QString autogenerateUnavailableReason(const ProjectSnapshot &project)
{
    if (const auto &error = project.blockingError())
        return u"the project cannot be read as a revision graph: %1"_s.arg(error->message);
    if (newRevisionFormat(project.config()) != ScriptFormat::Python)
        return u"autogenerate compares Python models with the database; this project writes native SQL "
               "revisions"_s;
    return {};
}

RunResult<AutogenerateOutcome> autogenerateCommand(const ProjectSnapshot &project, const AutogenerateRequest &request,
                                                   const QString &workingDirectory)
{
    if (const QString why = autogenerateUnavailableReason(project); !why.isEmpty())
        return RunError::make(ErrorKind::CommandError, why);
    const QString revId = request.revId.isEmpty() ? newRevisionId() : request.revId;
    if (auto error = checkNewRevisionId(project.map(), revId))
        return *error;
    const AlembicAction action = AlembicAction::autogenerate(request.message.value_or(QString()), revId);
    auto written = writeWithAlembic(project, action, revId, workingDirectory, request.urlOption, u"migrate"_s);
    if (auto *error = written.failure())
        return *error;
    AutogenerateOutcome outcome;
    outcome.commandLine = written->commandLine;
    outcome.output = written->output;
    if (!written->nothingWritten) {
        outcome.revision = revId;
        outcome.path = written->path;
        outcome.parents = written->downRevisions;
    }
    return outcome;
}

} // namespace retort
