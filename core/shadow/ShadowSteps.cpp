#include "ShadowSteps.h"

#include "db/Connection.h"
#include "db/VersionTable.h"
#include "run/StepExecutor.h"
#include "run/StepScript.h"
#include "shadow/BatchedStep.h"
#include "shadow/ShadowDatabase.h"

namespace retort {

ShadowSteps::ShadowSteps(const RevisionMap &map, Options options)
    : m_map(map)
    , m_options(std::move(options))
{
}

ShadowSteps::~ShadowSteps() = default;

std::optional<RunError> ShadowSteps::run(ShadowState &state, const Plan &plan)
{
    for (const PlanStep &step : plan.steps) {
        if (std::optional<RunError> error = run(state, step))
            return error;
    }
    return std::nullopt;
}

std::optional<RunError> ShadowSteps::run(ShadowState &state, const PlanStep &step)
{
    if (m_options.cancel && m_options.cancel->load())
        return RunError::make(ErrorKind::Cancelled, QStringLiteral("cancelled"));
    const RevIndex index = m_map.indexOf(step.revision);
    if (index < 0)
        return RunError::make(ErrorKind::MissingRevision,
                              QStringLiteral("no revision %1 in the project").arg(step.revision), step.revision);
    const Revision &revision = m_map.revision(index);
    std::optional<RunError> error;
    if (revision.format == ScriptFormat::Python) {
        state.schemaTouched = true;
        state.catalogWrites.reset();
        error = runPython(state, step, revision);
    } else {
        error = runNative(state, step, revision);
    }
    if (error)
        return error;
    state.heads = step.headsAfter;
    state.versionTable = true;
    return std::nullopt;
}

std::optional<RunError> ShadowSteps::runNative(ShadowState &state, const PlanStep &step, const Revision &revision)
{
    RunResult<Connection *> connection = state.database->connection();
    if (const RunError *error = connection.failure())
        return *error;
    const SqlDialect dialect = (*connection)->dialect().kind();
    VersionTable versions(**connection, m_options.versionTable);
    if (dialect == SqlDialect::PostgreSql) {
        // A script that cannot be read is StepExecutor's to report.
        const RunResult<StepScript> script = StepScript::load(revision, step.direction, dialect);
        if (script && BatchedStep::suits(*script, dialect)) {
            const BatchedStep::Outcome outcome =
                BatchedStep::run(**connection, versions, step, *script, !state.versionTable);
            if (outcome.applied) {
                state.schemaTouched = state.schemaTouched || !script->onlyDataStatements(dialect);
                if (state.catalogWrites)
                    *state.catalogWrites += outcome.writes;
                return std::nullopt;
            }
        }
    }
    state.catalogWrites.reset();
    StepExecutor executor(**connection, versions, nullptr);
    StepExecutor::Outcome outcome = executor.run(step, state.heads, &revision, false, !state.versionTable);
    if (outcome.status == StepExecutor::Outcome::Status::Failed)
        return outcome.error;
    if (outcome.status == StepExecutor::Outcome::Status::Conflict)
        return RunError::make(ErrorKind::Conflict,
                              QStringLiteral("the shadow database holds %1, not the expected %2")
                                  .arg(outcome.actualHeads.join(u", "), state.heads.join(u", ")),
                              step.revision, revision.path);
    state.schemaTouched = state.schemaTouched || !outcome.dataOnly;
    return std::nullopt;
}

std::optional<RunError> ShadowSteps::runPython(ShadowState &state, const PlanStep &step, const Revision &revision)
{
    PythonSteps *python = m_options.python ? m_options.python : m_ownPython.get();
    if (!python && m_options.pythonFactory && m_pythonUnavailable.isEmpty()) {
        Fallible<std::unique_ptr<PythonSteps>> made = m_options.pythonFactory();
        // Asked once: finding and starting the project's Python is the slow part of a step.
        if (made)
            m_ownPython = std::move(made).value();
        else
            m_pythonUnavailable = made.error().message;
        python = m_ownPython.get();
    }
    if (!python && !m_pythonUnavailable.isEmpty())
        return RunError::make(ErrorKind::AlembicUnavailable,
                              QStringLiteral("cannot run Python revisions: %1").arg(m_pythonUnavailable), revision.id,
                              revision.path);
    if (!python)
        return RunError::make(ErrorKind::AlembicUnavailable,
                              QStringLiteral("revision %1 is a Python revision and nothing here runs Python "
                                             "revisions on a shadow database")
                                  .arg(revision.id),
                              revision.id, revision.path);
    // Alembic connects on its own; ours goes so the database can be cloned or dropped after.
    state.database->closeConnection();
    const bool up = step.direction == PlanStep::Direction::Up;
    const QString url = state.database->sqlalchemyUrl();
    const Fallible<void> done = up ? python->upgrade(revision.id, url) : python->downgrade(revision.id, url);
    if (!done.ok()) {
        RunError error = RunError::make(
            ErrorKind::AlembicFailed,
            QStringLiteral("%1 of revision %2 failed on the shadow database: %3")
                .arg(up ? QStringLiteral("upgrade") : QStringLiteral("downgrade"), revision.id, done.error().message),
            revision.id, revision.path);
        error.databaseMessage = done.error().message;
        return error;
    }
    return std::nullopt;
}

} // namespace retort
