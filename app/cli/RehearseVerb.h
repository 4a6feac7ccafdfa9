#pragma once

#include "CommandLine.h"

#include <QTextStream>

namespace retort {
class ProjectSnapshot;
struct Rehearsal;
} // namespace retort

namespace retort::cli {

// `rehearse [TARGET] [--from-backup FILE]`: the plan to TARGET run on a copy of the database, per
// step its time and error, and the copy's schema changes; exit 1 when a step fails.
class RehearseVerb
{
public:
    RehearseVerb(const Invocation &invocation, QTextStream &out, QTextStream &err);
    static bool handles(const QString &verb) { return verb == u"rehearse"; }
    int run(const ProjectSnapshot &project);

private:
    int printJson(const Rehearsal &rehearsal);
    int printText(const ProjectSnapshot &project, const Rehearsal &rehearsal);

    const Invocation &m_invocation;
    QTextStream &m_out;
    QTextStream &m_err;
};

} // namespace retort::cli
