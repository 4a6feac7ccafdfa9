#include "RunMetaTypes.h"

namespace retort::ui {

void registerRunMetaTypes()
{
    qRegisterMetaType<retort::Plan>();
    qRegisterMetaType<retort::PlanStep>();
    qRegisterMetaType<retort::RunError>();
    qRegisterMetaType<retort::CurrentState>();
    qRegisterMetaType<retort::RunOutcome>();
    qRegisterMetaType<retort::MigrationRequest>();
}

} // namespace retort::ui
