#pragma once

#include "db/SqlDialect.h"
#include "graph/Revision.h"

namespace retort {

// Whether a revision has nothing that undoes it, read from its file: a native SQL revision with no
// downgrade statements for the dialect (no `-- +downgrade` section, or one holding only comments),
// a Python revision whose `downgrade()` body is only `pass`, `...`, a docstring and comments (or
// missing). A file that cannot be read counts as having a downgrade: running it says what is wrong.
bool hasEmptyDowngrade(const Revision &revision, SqlDialect dialect);

// The Python part alone, on the text of the function `def downgrade(...): ...` (header included).
bool isEmptyPythonFunction(const QString &function);

} // namespace retort
