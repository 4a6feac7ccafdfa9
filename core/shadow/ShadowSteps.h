#pragma once

#include "Expected.h"
#include "db/VersionTable.h"
#include "graph/Plan.h"
#include "graph/RevisionMap.h"
#include "run/RunError.h"
#include "schema/CatalogWrites.h"
#include "shadow/PythonSteps.h"

#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace retort {

class ShadowDatabase;

using PythonStepsFactory = std::function<Fallible<std::unique_ptr<PythonSteps>>()>;

// One shadow database as a replay or a verification holds it: the database and what its version
// table says.
struct ShadowState
{
    std::unique_ptr<ShadowDatabase> database;
    QStringList heads; // the version table's rows, sorted
    bool versionTable = false; // created (by a native step, or by Alembic)
    // A step since the last snapshot may have changed the schema: a Python step, or a native
    // one with a statement other than INSERT / UPDATE / DELETE (isDataStatement).
    bool schemaTouched = true;
    // The catalog rows the steps since the last snapshot wrote, when each of them counted them
    // (a native step run as one batch on PostgreSQL, BatchedStep); nullopt once one did not.
    std::optional<CatalogWrites> catalogWrites = CatalogWrites{};
};

// Runs the steps of a plan, upgrades and downgrades, on a shadow database: native SQL revisions
// in process with the executor upgrades use, Python revisions through PythonSteps (made by the
// factory on the first Python step, so a native history never starts Python; asked once).
class ShadowSteps
{
public:
    struct Options
    {
        VersionTable::Options versionTable;
        PythonSteps *python = nullptr;
        PythonStepsFactory pythonFactory;
        const std::atomic<bool> *cancel = nullptr; // checked before each step
    };

    ShadowSteps(const RevisionMap &map, Options options);
    ~ShadowSteps();
    ShadowSteps(const ShadowSteps &) = delete;
    ShadowSteps &operator=(const ShadowSteps &) = delete;

    // Stops at the first step that fails (Cancelled when cancelled between steps); `state`
    // holds the heads after the last step that ran.
    std::optional<RunError> run(ShadowState &state, const Plan &plan);
    std::optional<RunError> run(ShadowState &state, const PlanStep &step);

private:
    std::optional<RunError> runNative(ShadowState &state, const PlanStep &step, const Revision &revision);
    std::optional<RunError> runPython(ShadowState &state, const PlanStep &step, const Revision &revision);

    const RevisionMap &m_map;
    Options m_options;
    std::unique_ptr<PythonSteps> m_ownPython;
    QString m_pythonUnavailable; // why the factory could not give Python steps
};

} // namespace retort
