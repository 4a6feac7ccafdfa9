#pragma once

#include "LintFinding.h"
#include "Problem.h"

#include <QMap>
#include <QSet>
#include <QString>

#include <optional>

namespace retort {

// The lint settings of alembic.ini's [retort] section:
//   lint_disable = ban-drop-column, renaming-table      rules never reported
//   lint_severity.RULE = error | warning | off          a rule's severity (off: never reported)
//   lint_postgres_version = 13                          the server version the rules assume
// Unknown rules and bad values are problems (the setting is left out), never fatal.
struct LintConfig
{
    QSet<QString> disabled;
    QMap<QString, LintSeverity> severities;
    std::optional<int> postgresVersion; // major version
    Problems problems;

    static LintConfig fromSection(const QMap<QString, QString> &section, const QString &iniPath = {});
    // Drops the findings of disabled rules and applies the severities given.
    LintFindings apply(const LintFindings &findings) const;
};

} // namespace retort
