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
        QProcessEnvironment environment; // the child's environment; the URL is added per call
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
    // `alembic stamp <revision>` the same way (empty revision: stamp base, i.e. purge).
    Fallible<void> stamp(const QString &revision, const QString &sqlalchemyUrl) override;

    // Asks the process to stop; kills it after a short wait. Also done by the destructor.
    void stop();

private:
    PythonReplayDriver();
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace retort
