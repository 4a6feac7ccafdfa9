#pragma once

#include "Expected.h"
#include "run/AlembicCommand.h"
#include "shadow/PythonSteps.h"

#include <QProcessEnvironment>
#include <QString>

#include <memory>

namespace retort {

// One long-lived Python process, in the project's own Python environment, that runs the
// project's own Alembic (or Flask-Migrate) one revision at a time against shadow databases.
// Starting Python, Flask and the application costs most of a step (about 0.9 s on a real
// application), so it is paid once per replay, not once per revision.
//
// The driver script (replay_driver.py, a resource of retort_core) is written to a private
// temporary file and run by the interpreter of the project's command (the `#!` line of `flask` or
// `alembic`, the program of `python3 -m alembic`, else python3 on PATH) in the command's working
// directory. Requests and answers are JSON lines on stdin and stdout; the script points fd 1 at
// stderr before loading the project, so nothing the project prints can break the protocol, and
// stderr's tail goes into error messages. Flask-Migrate projects are loaded as the flask command
// loads them (FLASK_APP or app.py / wsgi.py); Alembic projects through their ini.
//
// Per-call URL: DATABASE_URL holds a placeholder while the project loads; engines created from it
// (Flask-SQLAlchemy's, made at import) are re-pointed at each call's URL, and each call sets
// DATABASE_URL (and, for Alembic, sqlalchemy.url) to its URL while it runs.
//
// Safety: the driver refuses any connection to a database other than the URL of the current
// call, so a project whose env.py or application ignores DATABASE_URL fails the step instead of
// touching the person's database. After each call no connection stays open (no pooling), so the
// caller may clone, copy or drop the shadow database between calls.
class PythonReplayDriver : public PythonSteps
{
public:
    struct Options
    {
        AlembicCommand command; // how the project runs Alembic (the Flask-Migrate or Alembic style)
        // The child's environment (empty: the system's); DATABASE_URL is removed and set per call.
        QProcessEnvironment environment;
        int startTimeoutMs = 60000;
        int stepTimeoutMs = 300000;
    };

    ~PythonReplayDriver() override;
    PythonReplayDriver(const PythonReplayDriver &) = delete;
    PythonReplayDriver &operator=(const PythonReplayDriver &) = delete;

    // Starts the process and waits until the project's Alembic is loaded.
    static Fallible<std::unique_ptr<PythonReplayDriver>> start(const Options &options);

    // `alembic upgrade <revision>` (an exact revision id) on the database at `sqlalchemyUrl`.
    // The failure names the revision, the file and line where Python reported one, and the
    // database's message (the last lines of the traceback).
    Fallible<void> upgrade(const QString &revision, const QString &sqlalchemyUrl) override;
    // Undoes exactly `revision` (see PythonSteps::downgrade), reported the same way.
    Fallible<void> downgrade(const QString &revision, const QString &sqlalchemyUrl) override;
    // `alembic stamp <revision>` the same way (empty revision: stamp base, i.e. purge).
    Fallible<void> stamp(const QString &revision, const QString &sqlalchemyUrl) override;

    // A step that fails, hangs (killed after stepTimeoutMs) or loses the process returns the
    // Failure; after a kill or a lost process every later call fails too. Passwords are masked.

    // Asks the process to stop; kills it after a short wait. Also done by the destructor.
    void stop();

private:
    PythonReplayDriver();
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace retort
