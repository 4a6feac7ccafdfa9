#pragma once

#include "CommandLine.h"

#include <QTextStream>

namespace retort {
class ProjectSnapshot;
} // namespace retort

namespace retort::cli {

// `verify [RANGE]`: each revision's downgrade undoes its upgrade, checked on shadow databases.
// Exit 1 when a revision has a problem (or the check could not run), 0 otherwise.
class VerifyVerb
{
public:
    VerifyVerb(const Invocation &invocation, QTextStream &out, QTextStream &err);
    static bool handles(const QString &verb) { return verb == u"verify"; }
    int run(const ProjectSnapshot &project);

private:
    const Invocation &m_invocation;
    QTextStream &m_out;
    QTextStream &m_err;
};

} // namespace retort::cli
