#include "AlembicDetector.h"

#include "AlembicRunner.h"
#include "script/ProjectConfig.h"

#include <QElapsedTimer>

using namespace Qt::StringLiterals;

namespace retort {

AlembicDetection AlembicDetector::detect(const ProjectConfig &config, const Options &options)
{
    return detect(AlembicCandidates::gather(config, options.environment, options.extraPythons), options);
}

AlembicDetection AlembicDetector::detect(const AlembicProjectFacts &facts, const Options &options)
{
    AlembicRunOptions run;
    run.environment = options.environment;
    run.databaseUrl = options.databaseUrl;
    run.timeout = options.timeout;
    run.killGrace = std::chrono::milliseconds(1000);
    return detect(facts, [&](const AlembicCommand &candidate) -> std::optional<QString> {
        AlembicRunner runner;
        const AlembicRunResult r = runner.run(candidate, AlembicAction::heads(), run);
        if (r.succeeded())
            return std::nullopt;
        return r.summary();
    });
}

AlembicDetection AlembicDetector::detect(const ProjectConfig &config, const Options &options, const Trial &trial)
{
    return detect(AlembicCandidates::gather(config, options.environment, options.extraPythons), trial);
}

AlembicDetection AlembicDetector::detect(const AlembicProjectFacts &facts, const Trial &trial)
{
    AlembicDetection detection;
    detection.configPath = facts.iniPath;
    detection.flaskIndicated = !facts.flaskAppHint.isEmpty();
    const AlembicCandidateList candidates = AlembicCandidates::build(facts);
    detection.problems = candidates.problems;

    for (const AlembicCommand &candidate : candidates.commands) {
        QElapsedTimer clock;
        clock.start();
        const std::optional<QString> failure = trial(candidate);
        AlembicAttempt attempt;
        attempt.command = candidate;
        attempt.elapsedMs = clock.elapsed();
        attempt.works = !failure.has_value();
        attempt.failure = failure.value_or(QString());
        detection.attempts.append(attempt);
        if (attempt.works) {
            detection.command = candidate;
            break;
        }
    }
    if (candidates.commands.isEmpty() && candidates.problems.isEmpty()) {
        Problem p;
        p.kind = u"NoAlembicCandidate"_s;
        p.path = facts.scriptLocation;
        p.message = u"found no flask, alembic or python3 to try on PATH"_s;
        detection.problems.append(p);
    }
    return detection;
}

} // namespace retort
