#pragma once

// Core value types that travel through queued signals between the worker thread and the window.
#include "command/MigrateCommands.h"

#include <QMetaType>

Q_DECLARE_METATYPE(retort::Plan)
Q_DECLARE_METATYPE(retort::PlanStep)
Q_DECLARE_METATYPE(retort::RunError)
Q_DECLARE_METATYPE(retort::CurrentState)
Q_DECLARE_METATYPE(retort::RunOutcome)
Q_DECLARE_METATYPE(retort::MigrationRequest)

namespace retort::ui {
void registerRunMetaTypes();
} // namespace retort::ui
