#include "ChildLifetime.h"

#include <QProcess>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>
#endif

namespace retort {

void endWithParent(QProcess &process)
{
#ifdef Q_OS_LINUX
    const pid_t parent = ::getpid();
    // Runs in the child between fork and exec: async-signal-safe calls only.
    process.setChildProcessModifier([parent] {
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        // The parent died before the prctl took effect: end the way the signal would have
        // ended the child (SIGKILL cannot be blocked or ignored here), not with an exit code
        // that reads as a run that finished.
        if (::getppid() != parent)
            ::kill(::getpid(), SIGKILL);
    });
#else
    Q_UNUSED(process);
#endif
}

} // namespace retort
