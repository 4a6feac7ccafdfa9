// The Python revision reader on arbitrary bytes: it must report, never crash or hang.
#include "FuzzInput.h"
#include "script/PythonRevisionReader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const auto result = retort::PythonRevisionReader::read(retort::fuzz::bytes(data, size), QStringLiteral("fuzz.py"));
    (void)result;
    return 0;
}
