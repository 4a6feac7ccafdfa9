#pragma once

#include "CommandLine.h"
#include "run/RunError.h"

#include <QTextStream>

namespace retort {
class ProjectSnapshot;
}

namespace retort::cli {

// `merge [-m MSG] [--branch-label L] [--rev-id R] [REVS...]`: a new revision joining REVS
// (default: heads). Prints Alembic's "Generating <path> ...  done", or with --json
// {revision, path, parents}. Exit 0 written, 1 refused or failed (nothing written).
class MergeVerb
{
public:
    MergeVerb(const Invocation &invocation, QTextStream &out, QTextStream &err);
    static bool handles(const QString &verb) { return verb == u"merge"; }
    int run(const ProjectSnapshot &project);

private:
    int fail(const RunError &error);
    bool json() const { return m_invocation.has(QStringLiteral("json")); }

    const Invocation &m_invocation;
    QTextStream &m_out;
    QTextStream &m_err;
};

} // namespace retort::cli
