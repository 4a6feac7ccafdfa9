// The plan-file reader (`retort apply FILE`): a plan or a BadPlanFile error, never a crash.
#include "FuzzInput.h"
#include "review/PlanJson.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const auto plan = retort::PlanFile::parse(retort::fuzz::bytes(data, size), QStringLiteral("fuzz.json"));
    (void)plan;
    return 0;
}
