#pragma once

#include "CommandLine.h"
#include "run/RunError.h"

#include <QTextStream>

namespace retort {
class ProjectSnapshot;
}

namespace retort::cli {

// Verbs that write files: `revision` (a new empty revision, Alembic's options), `migrate` (the
// project's own autogenerate) and `init` (a new project). Print Alembic's "Generating <path> ...  done" lines, or with --json the paths.
// Exit 0 written, 1 refused or failed (nothing written).
class AuthoringVerbs
{
public:
    AuthoringVerbs(const Invocation &invocation, QTextStream &out, QTextStream &err);
    static bool handles(const QString &verb) { return verb == u"revision" || verb == u"migrate"; }
    int run(const ProjectSnapshot &project);
    // `init` needs no project.
    int init();

private:
    int revision(const ProjectSnapshot &project);
    int autogenerate(const ProjectSnapshot &project);
    int fail(const RunError &error);
    bool json() const { return m_invocation.has(QStringLiteral("json")); }

    const Invocation &m_invocation;
    QTextStream &m_out;
    QTextStream &m_err;
};

} // namespace retort::cli
