#pragma once

// Core value types that travel through queued signals between the worker thread and the window.
#include "command/AutogenerateCommand.h"
#include "command/BackupCommands.h"
#include "command/JournalCommands.h"
#include "command/MergeCommand.h"
#include "command/MigrateCommands.h"
#include "command/RevisionCommand.h"

#include <QMetaType>

Q_DECLARE_METATYPE(retort::Plan)
Q_DECLARE_METATYPE(retort::ReviewedPlan)
Q_DECLARE_METATYPE(retort::PlanReview)
Q_DECLARE_METATYPE(retort::PlanStep)
Q_DECLARE_METATYPE(retort::RunError)
Q_DECLARE_METATYPE(retort::CurrentState)
Q_DECLARE_METATYPE(retort::RunOutcome)
Q_DECLARE_METATYPE(retort::MigrationRequest)
Q_DECLARE_METATYPE(retort::JournalLog)
Q_DECLARE_METATYPE(retort::BackupInfo)
Q_DECLARE_METATYPE(retort::BackupOutcome)
Q_DECLARE_METATYPE(retort::RestoreOutcome)
Q_DECLARE_METATYPE(retort::MergeOutcome)
Q_DECLARE_METATYPE(retort::RevisionOutcome)
Q_DECLARE_METATYPE(retort::AutogenerateOutcome)

namespace retort::ui {
void registerRunMetaTypes();
} // namespace retort::ui
