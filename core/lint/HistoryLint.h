#pragma once

#include "LintFinding.h"
#include "RevisionLint.h"
#include "graph/Revision.h"

namespace retort {

// The history rules of one revision, read from its file: missing-downgrade (no downgrade at
// all) and empty-downgrade (a downgrade that does nothing while the upgrade changes the schema:
// native sections without statements, a Python downgrade() that is only pass). Revision and path
// filled in, the settings applied. A file that cannot be read gives nothing: running it says why.
LintFindings lintHistory(const Revision &revision, const RevisionLintOptions &options);

} // namespace retort
