// The ini reader, with interpolation of every value it finds.
#include "FuzzInput.h"
#include "script/IniFile.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const retort::IniFile ini = retort::IniFile::parse(retort::fuzz::bytes(data, size), QStringLiteral("fuzz.ini"));
    for (const QString &section : ini.sections()) {
        for (const QString &key : ini.keys(section))
            (void)ini.value(section, key);
    }
    return 0;
}
