#pragma once

class QProcess;

namespace retort {

// Makes the child `process` starts end with the thread that starts it: when Retort is killed
// (SIGKILL, the OOM killer, a closed terminal), a child left running would go on migrating,
// dumping or restoring with nobody to report its end (Linux: PR_SET_PDEATHSIG, SIGTERM, which
// Python dies of and pg_dump / pg_restore answer by cancelling their query on the server).
// Only for a child waited for by the thread that starts it: the signal follows that thread.
// Call before QProcess::start().
void endWithParent(QProcess &process);

} // namespace retort
