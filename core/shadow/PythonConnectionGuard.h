#pragma once

#include "Expected.h"

#include <QProcessEnvironment>
#include <QString>

#include <memory>

class QTemporaryDir;

namespace retort {

// Confines the Python processes of the project's Alembic command to one database. The guard
// (sitecustomize.py, a resource of retort_core) is written to a private temporary folder that
// environment() puts first on PYTHONPATH, with the allowed URL in RETORT_GUARD_URL: every
// sqlite3 or SQLAlchemy connection to another database is refused, so an env.py or application
// that ignores DATABASE_URL fails its step instead of reaching the person's database. The
// interpreter's own sitecustomize still loads after it.
class PythonConnectionGuard
{
public:
    static Fallible<std::unique_ptr<PythonConnectionGuard>> create();
    ~PythonConnectionGuard();
    PythonConnectionGuard(const PythonConnectionGuard &) = delete;
    PythonConnectionGuard &operator=(const PythonConnectionGuard &) = delete;

    // `base` with DATABASE_URL and RETORT_GUARD_URL set to `allowedUrl` and the guard's folder
    // first on PYTHONPATH.
    QProcessEnvironment environment(QProcessEnvironment base, const QString &allowedUrl) const;

private:
    PythonConnectionGuard();
    std::unique_ptr<QTemporaryDir> m_dir;
};

} // namespace retort
