#pragma once

#include "LintFinding.h"
#include "StatementRules.h"

#include <QSet>
#include <QStringView>

namespace retort {

// Lints SQL text (a section of a native revision, an op.execute() string, offline SQL) with the
// rules of state.dialect, statement by statement. firstLine is the file line of the text's first
// line, so findings name file lines. A "-- retort: ignore RULE[, RULE]" comment line (or
// "ignore all") between the previous statement and a statement silences those rules for it.
// Text the splitter cannot cut (an unterminated string) gives no findings: the step fails anyway.
LintFindings lintSql(QStringView text, int firstLine, StepLintState &state);

// The rules named by "retort: ignore a, b" in a comment line; empty when the line has none.
// "all" stands for every rule.
QSet<QString> ignoredRules(QStringView line);

} // namespace retort
