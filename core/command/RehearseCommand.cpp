#include "RehearseCommand.h"

#include "StringLists.h"
#include "backup/BackupPolicy.h"
#include "command/BackupCommands.h"
#include "command/DatabaseTarget.h"
#include "command/RetortSettings.h"
#include "db/Connection.h"
#include "db/VersionTable.h"
#include "run/AlembicDetector.h"
#include "run/MigrationPlanning.h"
#include "run/MigrationRunner.h"
#include "schema/SchemaDiff.h"
#include "schema/SchemaReader.h"
#include "shadow/DatabaseCopy.h"
#include "shadow/PythonConnectionGuard.h"

#include <QElapsedTimer>
#include <QHash>

using namespace Qt::StringLiterals;

namespace retort {

namespace {

// Passes the run's progress on and keeps each step's time: stepFinished() has it for steps that
// completed; the step in flight when the run stopped is timed until the run returned.
class TimingObserver : public RunObserver
{
public:
    explicit TimingObserver(RunObserver &next)
        : m_next(next)
    {
    }
    void planReady(const Plan &plan) override { m_next.planReady(plan); }
    void stepStarted(int index, int count, const PlanStep &step) override
    {
        m_running = index;
        m_clock.start();
        m_next.stepStarted(index, count, step);
    }
    void stepFinished(int index, int count, const PlanStep &step, qint64 elapsedMs) override
    {
        m_finished.insert(index, elapsedMs);
        m_running = -1;
        m_next.stepFinished(index, count, step, elapsedMs);
    }
    void log(const QString &line) override { m_next.log(line); }
    bool cancelRequested() override { return m_next.cancelRequested(); }

    std::optional<qint64> finished(int index) const
    {
        const auto it = m_finished.constFind(index);
        return it == m_finished.cend() ? std::nullopt : std::optional<qint64>(*it);
    }
    int running() const { return m_running; }
    qint64 runningMs() const { return m_clock.isValid() ? m_clock.elapsed() : 0; }

private:
    RunObserver &m_next;
    QHash<int, qint64> m_finished;
    int m_running = -1;
    QElapsedTimer m_clock;
};

// The copy goes where shadow databases go: a temporary SQLite file, or the PostgreSQL server of
// [retort] shadow_url, else the database's own server.
RunResult<ShadowServer::Options> copyPlace(const ProjectConfig &config, const RetortSettings &settings,
                                           const DatabaseTarget &target)
{
    ShadowServer::Options place;
    place.dialect = target.url.sqlDialect();
    if (place.dialect != SqlDialect::PostgreSql)
        return place;
    if (settings.shadowUrl.isEmpty()) {
        place.serverUrl = target.url;
        place.serverSource =
            u"the server of %1; [retort] shadow_url names another"_s.arg(target.sourceDescription(config));
        return place;
    }
    DbResult<DatabaseUrl> url = DatabaseUrl::parse(settings.shadowUrl);
    if (!url) {
        RunError error = RunError::fromDb(url.error(), ErrorKind::ShadowUnavailable);
        error.message = u"[retort] shadow_url in %1: %2"_s.arg(config.iniPath, error.message);
        return error;
    }
    place.serverUrl = std::move(url).value();
    place.serverSource = u"[retort] shadow_url"_s;
    return place;
}

// `upgrade TARGET`, or `downgrade TARGET` when TARGET is relative downwards or behind the heads
// (upgrade refuses it, or has nothing to do where downgrade has steps).
Result<Plan> planRehearsal(const RevisionMap &map, const QStringList &heads, const QString &target)
{
    if (target.startsWith(u'-'))
        return planMigration(map, heads, MigrationRequest::downgrade(target));
    Result<Plan> up = planMigration(map, heads, MigrationRequest::upgrade(target));
    if (up ? !up->steps.isEmpty() : up.error().kind != ErrorKind::RangeNotAncestorError)
        return up;
    Result<Plan> down = planMigration(map, heads, MigrationRequest::downgrade(target));
    return down && !down->steps.isEmpty() ? down : up;
}

bool hasPythonStep(const RevisionMap &map, const Plan &plan)
{
    for (const PlanStep &step : plan.steps) {
        const RevIndex index = step.stamp ? -1 : map.indexOf(step.revision);
        if (index >= 0 && map.revision(index).format == ScriptFormat::Python)
            return true;
    }
    return false;
}

bool nativeOnly(const RevisionMap &map)
{
    for (RevIndex i = 0; i < map.size(); ++i) {
        if (map.revision(i).format == ScriptFormat::Python)
            return false;
    }
    return true;
}

// Errors name the copy as "copy of <the live URL>": the scratch database is gone when they are read.
RunError onCopy(RunError error, const DatabaseCopy &copy)
{
    error.target = copy.description();
    return error;
}

QList<RehearsalStep> stepReports(const Plan &plan, const RunOutcome &outcome, const TimingObserver &timing)
{
    QList<RehearsalStep> steps;
    for (int i = 0; i < plan.steps.size(); ++i) {
        const PlanStep &planned = plan.steps.at(i);
        RehearsalStep step;
        step.step = planned;
        step.revision = planned.revision.isEmpty() ? planned.toRevisions.join(u", "_s) : planned.revision;
        step.direction = planned.direction == PlanStep::Direction::Up ? u"upgrade"_s : u"downgrade"_s;
        if (const auto ms = timing.finished(i)) {
            step.ran = step.ok = true;
            step.elapsedMs = *ms;
        } else if (timing.running() == i) {
            step.ran = true;
            step.elapsedMs = timing.runningMs();
            step.error = outcome.error;
        }
        steps.append(step);
    }
    // A failure reported before its step was announced (Alembic stopping on import, say) still
    // belongs to the step it names.
    if (outcome.error && !outcome.error->revision.isEmpty()) {
        const bool placed = std::any_of(steps.cbegin(), steps.cend(), [](const RehearsalStep &s) { return s.error; });
        for (RehearsalStep &step : steps) {
            if (!placed && !step.ok && step.step.revision == outcome.error->revision) {
                step.ran = true;
                step.error = outcome.error;
                break;
            }
        }
    }
    return steps;
}

} // namespace

RunResult<Rehearsal> rehearseCommand(const ProjectSnapshot &project, const RehearseOptions &options,
                                     RunObserver &observer)
{
    if (const auto &error = project.blockingError())
        return RunError::fromGraph(*error);
    const RevisionMap &map = project.map();
    const DbResult<DatabaseTarget> target =
        resolveDatabaseTarget(project.config(), options.urlOption, options.environment, options.workingDirectory);
    if (!target)
        return RunError::fromDb(target.error());
    const RetortSettings settings = RetortSettings::fromConfig(project.config());

    DatabaseCopy::Source source;
    source.url = target->url;
    source.workingDirectory = target->workingDirectory;
    source.environment = options.environment;
    if (!options.fromBackup.isEmpty()) {
        const RunResult<BackupInfo> backup = inspectBackupFile(*target, options.environment, options.fromBackup);
        if (const RunError *error = backup.failure())
            return *error;
        source.backupFile = backup->path;
    }
    RunResult<ShadowServer::Options> place = copyPlace(project.config(), settings, *target);
    if (const RunError *error = place.failure())
        return *error;
    source.server = std::move(place).value();
    observer.log(source.backupFile.isEmpty() ? u"Copying %1"_s.arg(target->displayUrl())
                                             : u"Restoring %1 into a scratch database"_s.arg(source.backupFile));
    RunResult<std::unique_ptr<DatabaseCopy>> made = DatabaseCopy::make(source);
    if (const RunError *error = made.failure())
        return *error;
    const std::unique_ptr<DatabaseCopy> copy = std::move(made).value();
    RunResult<Connection *> opened = copy->database().connection();
    if (const RunError *error = opened.failure())
        return onCopy(*error, *copy);
    Connection &connection = *opened.value();

    Rehearsal rehearsal;
    rehearsal.target = options.target;
    rehearsal.database = copy->description();
    rehearsal.dialect = sqlDialectName(source.server.dialect);
    rehearsal.copyMs = copy->copyMs();

    const DbResult<QStringList> heads = VersionTable(connection, settings.versionTable).heads();
    if (!heads)
        return onCopy(RunError::fromDb(heads.error()), *copy);
    Result<Plan> planned = planRehearsal(map, sorted(*heads), options.target);
    if (!planned)
        return RunError::fromGraph(planned.error());
    rehearsal.plan.plan = std::move(planned).value();
    const Plan &plan = rehearsal.plan.plan;
    rehearsal.plan.review = PlanReview::build(map, plan, source.server.dialect,
                                              BackupPolicy::fromConfig(project.config()), target->displayUrl());

    SchemaReaderOptions readerOptions;
    readerOptions.versionTable = settings.versionTable;
    readerOptions.retortTables = {settings.journalTable};
    const DbResult<Schema> before = readSchema(connection, readerOptions);
    if (!before)
        return onCopy(RunError::fromDb(before.error()), *copy);

    RunOptions run;
    run.versionTable = settings.versionTable;
    run.journal = settings.journalEnabled(nativeOnly(map));
    run.journalTable = settings.journalTable;
    run.databaseUrl = copy->database().sqlalchemyUrl();
    run.environment = options.environment;
    std::unique_ptr<PythonConnectionGuard> guard;
    if (hasPythonStep(map, plan)) {
        Fallible<std::unique_ptr<PythonConnectionGuard>> created = PythonConnectionGuard::create();
        if (!created)
            return RunError::make(ErrorKind::AlembicUnavailable, created.error().message);
        guard = std::move(created).value();
        run.environment = guard->environment(options.environment, run.databaseUrl);
        AlembicDetector::Options detect;
        detect.environment = run.environment;
        detect.databaseUrl = run.databaseUrl;
        const AlembicDetection detection = AlembicDetector::detect(project.config(), detect);
        if (detection.found()) {
            run.alembic = detection.command;
            observer.log(u"Using %1 (%2)"_s.arg(detection.command->displayString(), detection.command->reason));
        } else {
            run.alembicUnavailableReason = detection.advice();
        }
    }

    TimingObserver timing(observer);
    RunOutcome outcome;
    {
        MigrationRunner runner(map, connection, run);
        outcome = runner.run(plan, timing);
    }
    if (outcome.error)
        rehearsal.error = onCopy(*outcome.error, *copy);
    rehearsal.cancelled = outcome.cancelled;
    outcome.error = rehearsal.error;
    rehearsal.steps = stepReports(plan, outcome, timing);

    const DbResult<Schema> after = readSchema(connection, readerOptions);
    if (!after)
        return onCopy(RunError::fromDb(after.error()), *copy);
    rehearsal.changes = SchemaDiff::between(*before, *after);
    return rehearsal;
}

} // namespace retort
