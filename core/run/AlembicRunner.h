#pragma once

#include "AlembicAction.h"
#include "AlembicCommand.h"
#include "AlembicRunResult.h"

#include <QProcessEnvironment>
#include <QSet>

#include <atomic>
#include <chrono>
#include <functional>

class QElapsedTimer;
class QProcess;

namespace retort {

struct AlembicRunOptions
{
    // Reaches the child ONLY as the DATABASE_URL environment variable, never on its command
    // line. Flask-Migrate apps read it through their config; a plain Alembic env.py must read
    // os.environ["DATABASE_URL"] itself. Empty: the environment is passed on unchanged.
    QString databaseUrl;
    // The child's environment before DATABASE_URL is set; empty means the system environment.
    QProcessEnvironment environment;
    std::chrono::milliseconds timeout{0}; // 0: no limit
    std::chrono::milliseconds killGrace{3000}; // after terminate(), before kill()
    QSet<QString> knownRevisions; // helps reading downgrade lines (see parser)

    // Every output line (stdout and stderr), passwords masked, as it arrives.
    std::function<void(const QString &line, bool isStandardError)> onLine;
    // Every step Alembic announces, as it starts.
    std::function<void(const AlembicStep &step)> onStep;
    // Called once the child has started; lets callers (and tests) look at the QProcess.
    std::function<void(const QProcess &process)> onStarted;
};

// The database URL is handed over in the environment only, so it never shows up in `ps`, shell
// history or logs. Flask-Migrate apps pick it up through their config
// (SQLALCHEMY_DATABASE_URI = os.environ["DATABASE_URL"]); a plain Alembic project's env.py needs
//     if os.environ.get("DATABASE_URL"):
//         config.set_main_option("sqlalchemy.url", os.environ["DATABASE_URL"].replace("%", "%%"))
// (tests/interop/plainalembic/migrations/env.py does exactly this).
//
// Runs one Alembic action as a child process and waits for it, without needing an event loop:
// use it from a CLI directly or from a worker thread. cancel() may be called from any thread
// (or from the callbacks): the child gets SIGTERM, then SIGKILL after killGrace.
class AlembicRunner
{
public:
    AlembicRunResult run(const AlembicCommand &command, const AlembicAction &action,
                         const AlembicRunOptions &options = {});
    // Stops the run in progress; a run started afterwards is not affected.
    void cancel() { m_cancel.store(true); }

    // How the wait for the child ended.
    enum class Stop { Finished, Cancelled, TimedOut };

private:
    // Waits for the child, reading its output through `drain`; terminates it on cancel() or the
    // timeout, and kills it when it outlives the grace period.
    Stop superviseUntilFinished(QProcess &process, const AlembicRunOptions &options, const QElapsedTimer &clock,
                                const std::function<void(bool)> &drain);

    std::atomic<bool> m_cancel{false};
};

} // namespace retort
