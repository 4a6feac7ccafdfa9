// The database URL parser, and the forms Retort prints of whatever it accepts.
#include "FuzzInput.h"
#include "db/DatabaseUrl.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const auto url = retort::DatabaseUrl::parse(retort::fuzz::text(data, size));
    if (url) {
        (void)url->toString();
        (void)url->toDisplayString();
        (void)url->sqliteFilePath(QStringLiteral("/tmp"));
    }
    return 0;
}
