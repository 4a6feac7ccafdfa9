// The SQL splitter in both dialects: statements or an error naming a line, never a crash.
#include "FuzzInput.h"
#include "db/SqlSplitter.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QString script = retort::fuzz::text(data, size);
    for (const auto dialect : {retort::SqlDialect::Sqlite, retort::SqlDialect::PostgreSql}) {
        const auto statements = retort::SqlSplitter::split(script, dialect);
        (void)statements;
    }
    return 0;
}
