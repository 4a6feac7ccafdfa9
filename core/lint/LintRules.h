#pragma once

#include "LintFinding.h"

#include <QList>
#include <QString>

namespace retort {

// One rule Retort checks: its id (squawk's where the meaning is the same, so people can look it
// up), its default severity and the short "why, and what to do instead" every finding carries.
struct LintRule
{
    QString id;
    LintSeverity severity = LintSeverity::Warning;
    QString advice;
};

// Every rule, in a stable order.
const QList<LintRule> &lintRules();
// The rule with that id; nullptr when there is none.
const LintRule *lintRule(QStringView id);

// A finding of the rule `id` with its default severity and advice.
LintFinding makeFinding(const QString &id, int line, const QString &message, const QString &statement);

} // namespace retort
