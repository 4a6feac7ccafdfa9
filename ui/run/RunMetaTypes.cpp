#include "RunMetaTypes.h"

namespace retort::ui {

void registerRunMetaTypes()
{
    qRegisterMetaType<retort::Plan>();
    qRegisterMetaType<retort::ReviewedPlan>();
    qRegisterMetaType<retort::PlanReview>();
    qRegisterMetaType<retort::PlanStep>();
    qRegisterMetaType<retort::RunError>();
    qRegisterMetaType<retort::CurrentState>();
    qRegisterMetaType<retort::RunOutcome>();
    qRegisterMetaType<retort::MigrationRequest>();
    qRegisterMetaType<retort::JournalLog>();
    qRegisterMetaType<retort::BackupInfo>();
    qRegisterMetaType<retort::BackupOutcome>();
    qRegisterMetaType<retort::RestoreOutcome>();
    qRegisterMetaType<retort::MergeOutcome>();
    qRegisterMetaType<retort::RevisionOutcome>();
    qRegisterMetaType<retort::AutogenerateOutcome>();
}

} // namespace retort::ui
