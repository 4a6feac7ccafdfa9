#pragma once

#include "AlembicCandidates.h"
#include "AlembicDetection.h"

#include <QProcessEnvironment>

#include <chrono>

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
};

} // namespace retort
