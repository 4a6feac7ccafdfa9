#include "RetortSettings.h"

namespace retort {

namespace {

std::optional<bool> parseBool(const QString &text)
{
    const QString value = text.trimmed().toLower();
    if (value == u"true" || value == u"yes" || value == u"on" || value == u"1")
        return true;
    if (value == u"false" || value == u"no" || value == u"off" || value == u"0")
        return false;
    return std::nullopt;
}

} // namespace

RetortSettings RetortSettings::fromConfig(const ProjectConfig &config)
{
    RetortSettings settings;
    const auto &section = config.retort;
    const auto readBool = [&](const QString &key) -> std::optional<bool> {
        if (!section.contains(key))
            return std::nullopt;
        const std::optional<bool> value = parseBool(section.value(key));
        if (!value) {
            Problem problem;
            problem.severity = Problem::Severity::Warning;
            problem.kind = QStringLiteral("BadSetting");
            problem.path = config.iniPath;
            problem.message =
                QStringLiteral("[retort] %1 = %2 is not true or false; using the default").arg(key, section.value(key));
            settings.problems.append(problem);
        }
        return value;
    };

    if (const QString table = section.value(QStringLiteral("version_table")).trimmed(); !table.isEmpty())
        settings.versionTable.table = table;
    settings.versionTable.schema = section.value(QStringLiteral("version_table_schema")).trimmed();
    settings.versionTable.primaryKey = readBool(QStringLiteral("version_table_pk")).value_or(true);
    settings.journal = readBool(QStringLiteral("journal"));
    if (const QString table = section.value(QStringLiteral("journal_table")).trimmed(); !table.isEmpty())
        settings.journalTable = table;
    settings.shadowUrl = section.value(QStringLiteral("shadow_url")).trimmed();
    settings.driftIgnore = section.value(QStringLiteral("drift_ignore")).trimmed();
    return settings;
}

} // namespace retort
