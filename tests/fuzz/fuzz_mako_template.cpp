// The Mako subset: parse any template and render what parses with a revision's values.
#include "FuzzInput.h"
#include "authoring/MakoTemplate.h"
#include "authoring/RevisionTemplate.h"

#include <QTimeZone>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const retort::MakoScope scope = [] {
        retort::RevisionTemplateValues values;
        values.revision = QStringLiteral("ae1027a6acf0");
        values.downRevisions = {QStringLiteral("1975ea83b712"), QStringLiteral("27c6a30d7c24")};
        values.branchLabels = {QStringLiteral("feature")};
        values.createDate = QDateTime::fromSecsSinceEpoch(1700000000, QTimeZone::utc());
        return retort::revisionTemplateScope(values);
    }();
    const auto parsed = retort::MakoTemplate::parse(retort::fuzz::text(data, size), QStringLiteral("fuzz.mako"));
    if (parsed)
        (void)parsed->render(scope);
    return 0;
}
