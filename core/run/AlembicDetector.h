#pragma once

#include "AlembicCandidates.h"
#include "AlembicDetection.h"

#include <QProcessEnvironment>

#include <chrono>
#include <functional>
#include <optional>

namespace retort {

struct ProjectConfig;

// Finds the command that runs a project's Alembic by trying each candidate
// (AlembicCandidates) with `heads` on the project: `--help` would pass for a `flask` without
// Flask-Migrate or an alembic that cannot import the project's env. The first that exits
// cleanly is picked; the others' failures are kept for the explanation.
class AlembicDetector
{
public:
    struct Options
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        QString databaseUrl; // handed over as DATABASE_URL, as for real runs (apps may need it)
        std::chrono::milliseconds timeout{30000}; // per candidate
        QStringList extraPythons = AlembicCandidates::defaultExtraPythons();
    };

    static AlembicDetection detect(const ProjectConfig &config, const Options &options);
    static AlembicDetection detect(const AlembicProjectFacts &facts, const Options &options);

    // Tries one candidate: nullopt when it works, else why not in a few words.
    using Trial = std::function<std::optional<QString>(const AlembicCommand &candidate)>;
    // The same search with another trial than `heads`: what will use the command can try it
    // itself (a replay starts its driver with each candidate, one Python start fewer).
    static AlembicDetection detect(const ProjectConfig &config, const Options &options, const Trial &trial);
    static AlembicDetection detect(const AlembicProjectFacts &facts, const Trial &trial);
};

} // namespace retort
