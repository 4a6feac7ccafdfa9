#pragma once

#include "CommandLine.h"

#include <QTextStream>
#include <memory>

namespace retort {
class ProjectSnapshot;
struct LintFinding;
} // namespace retort

namespace retort::cli {

// `lint [REV | RANGE]`: the hazards in the revisions' steps, as text, JSON or GitHub Actions
// annotations (--format github). Exit 1 when a finding is an error (or linting failed), else 0.
class LintVerb
{
public:
    LintVerb(const Invocation &invocation, QTextStream &out, QTextStream &err);
    static bool handles(const QString &verb) { return verb == u"lint"; }
    int run(std::shared_ptr<const ProjectSnapshot> project);

    // "::error file=a.sql,line=3,title=ban-drop-table::message" (GitHub's escaping applied).
    static QString githubAnnotation(const LintFinding &finding, const QString &path);

private:
    const Invocation &m_invocation;
    QTextStream &m_out;
    QTextStream &m_err;
};

} // namespace retort::cli
