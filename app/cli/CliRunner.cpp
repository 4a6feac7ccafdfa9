#include "CliRunner.h"

#include "AuthoringVerbs.h"
#include "BackupVerbs.h"
#include "DatabaseVerbs.h"
#include "LintVerb.h"
#include "MergeVerb.h"
#include "MigrationArguments.h"
#include "ParallelFor.h"
#include "RehearseVerb.h"
#include "RevisionJson.h"
#include "RevisionText.h"
#include "SchemaVerbs.h"
#include "VerifyVerb.h"
#include "command/GraphCommands.h"
#include "command/OfflineCommand.h"
#include "command/ProjectSnapshot.h"
#include "graph/RevisionPrefetch.h"
#include "review/PlanJson.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>

#include <algorithm>
#include <memory>
#include <vector>

namespace retort::cli {

CliRunner::CliRunner(const Invocation &invocation, QTextStream &out, QTextStream &err)
    : m_invocation(invocation)
    , m_out(out)
    , m_err(err)
{
}

namespace {

// A one-shot command leaves its project to the end of the process: freeing 10,000 revisions one
// by one costs a tenth of what `heads` takes, and the system takes the memory back at exit.
// Held from a static, so leak checkers see it as still reachable.
void keepUntilExit(std::shared_ptr<const ProjectSnapshot> project)
{
    static auto *const kept = new std::vector<std::shared_ptr<const ProjectSnapshot>>;
    kept->push_back(std::move(project));
}

// Text already encoded as UTF-8 (the stream's encoding) goes straight to the stream's device;
// a stream on a string takes it decoded.
void writeUtf8(QTextStream &out, const std::vector<QByteArray> &parts)
{
    out.flush();
    QIODevice *device = out.device();
    for (const QByteArray &part : parts) {
        if (device)
            device->write(part);
        else
            out << QString::fromUtf8(part);
    }
}

} // namespace

int CliRunner::run()
{
    if (m_invocation.verb == u"apply")
        return apply();
    if (m_invocation.verb == u"init")
        return AuthoringVerbs(m_invocation, m_out, m_err).init();
    const auto project = ProjectSnapshot::load(m_invocation.value(QStringLiteral("directory")), QDir::currentPath());
    keepUntilExit(project);
    reportProblems(*project);
    const QString &verb = m_invocation.verb;
    if (verb == u"heads")
        return heads(*project);
    if (verb == u"branches")
        return branches(*project);
    if (verb == u"history")
        return history(*project);
    if (verb == u"show")
        return show(*project);
    if (MergeVerb::handles(verb))
        return MergeVerb(m_invocation, m_out, m_err).run(*project);
    if (AuthoringVerbs::handles(verb))
        return AuthoringVerbs(m_invocation, m_out, m_err).run(*project);
    if (SchemaVerbs::handles(verb))
        return SchemaVerbs(m_invocation, m_out, m_err).run(*project);
    if (VerifyVerb::handles(verb))
        return VerifyVerb(m_invocation, m_out, m_err).run(*project);
    if (LintVerb::handles(verb))
        return LintVerb(m_invocation, m_out, m_err).run(project);
    if (RehearseVerb::handles(verb))
        return RehearseVerb(m_invocation, m_out, m_err).run(*project);
    if (BackupVerbs::handles(verb))
        return BackupVerbs(m_invocation, m_out, m_err).run(project);
    if (m_invocation.has(QStringLiteral("sql")))
        return offlineSql(*project);
    return DatabaseVerbs(m_invocation, m_out, m_err).run(project);
}

void CliRunner::reportProblems(const ProjectSnapshot &project)
{
    // Problems go to stderr, so stdout stays what a script parses (text or JSON). Warnings about
    // the files are the same on every run: listed by check and -v, elsewhere counted in one line.
    const bool listWarnings = verbose() || m_invocation.verb == u"check";
    qsizetype warnings = 0;
    for (const Problem &problem : project.problems()) {
        if (problem.severity == Problem::Severity::Error)
            m_err << "retort: error: " << problem.toString() << '\n';
        else if (listWarnings)
            m_err << "retort: warning: " << problem.toString() << '\n';
        else
            ++warnings;
    }
    if (warnings > 0)
        m_err << "retort: " << warnings << (warnings == 1 ? " warning" : " warnings")
              << " about the migration files; 'retort check' or -v lists " << (warnings == 1 ? "it" : "them") << '\n';
    m_err.flush();
}

int CliRunner::apply()
{
    const QString path = m_invocation.positionals.constFirst();
    QFile file(path);
    DatabaseVerbs verbs(m_invocation, m_out, m_err);
    const auto failed = [&verbs](const RunError &error) { return verbs.fail(error); };
    if (!file.open(QIODevice::ReadOnly))
        return failed(
            RunError::make(ErrorKind::BadPlanFile,
                           QStringLiteral("%1: cannot read the plan file (%2)").arg(path, file.errorString())));
    const auto parsed = PlanFile::parse(file.readAll(), path);
    if (const auto *error = parsed.failure())
        return failed(*error);
    const PlanFile &plan = parsed.value();
    // The plan names its project; -d may say where it is now, but it must be the same one.
    const QString option = m_invocation.value(QStringLiteral("directory"));
    const auto project = ProjectSnapshot::load(option.isEmpty() ? plan.project : option, QDir::currentPath());
    if (!option.isEmpty() && QDir(project->config().directory).canonicalPath() != QDir(plan.project).canonicalPath())
        return failed(RunError::make(ErrorKind::WrongProject,
                                     QStringLiteral("%1 was planned for the project %2, not %3; nothing was run")
                                         .arg(path, plan.project, project->config().directory)));
    reportProblems(*project);
    return verbs.apply(project, plan);
}

int CliRunner::fail(const GraphError &error)
{
    if (json())
        printJson(errorToJson(error));
    else
        m_err << "FAILED: " << error.message << '\n'; // Alembic's own prefix
    return 1;
}

int CliRunner::printJson(const QJsonObject &object)
{
    m_out << QJsonDocument(object).toJson(QJsonDocument::Indented);
    return 0;
}

int CliRunner::heads(const ProjectSnapshot &project)
{
    const Result<RevIndexes> heads = headsCommand(project, m_invocation.has(QStringLiteral("resolve-dependencies")));
    if (!heads)
        return fail(heads.error());
    const RevisionMap &map = project.map();
    if (json())
        return printJson({{QStringLiteral("heads"), QJsonArray::fromStringList(map.ids(*heads))}});
    const RevisionText text(map);
    for (RevIndex i : *heads) {
        if (verbose())
            m_out << text.logEntry(i) << '\n';
        else
            m_out << text.line(i, {.branches = true, .treeIndicators = false}) << '\n';
    }
    return 0;
}

int CliRunner::branches(const ProjectSnapshot &project)
{
    const Result<RevIndexes> points = branchesCommand(project);
    if (!points)
        return fail(points.error());
    const RevisionMap &map = project.map();
    if (json())
        return printJson({{QStringLiteral("branch_points"), revisionsToJson(map, *points)}});
    const RevisionText text(map);
    for (RevIndex i : *points) {
        m_out << (verbose() ? text.logEntry(i) : text.line(i, {.branches = true})) << '\n';
        const QString indent(map.id(i).size(), QLatin1Char(' '));
        QStringList children;
        for (RevIndex child : map.children(i))
            children << indent + QStringLiteral(" -> ") + text.line(child, {.branches = true, .doc = verbose()});
        m_out << children.join(QLatin1Char('\n')) << "\n\n";
    }
    return 0;
}

int CliRunner::history(const ProjectSnapshot &project)
{
    const Result<RevIndexes> revisions = historyCommand(project, m_invocation.value(QStringLiteral("rev-range")));
    if (!revisions)
        return fail(revisions.error());
    const RevisionMap &map = project.map();
    if (json())
        return printJson({{QStringLiteral("revisions"), revisionsToJson(map, *revisions)}});
    // The lines are independent: put together and encoded in chunks on every core, then
    // written in order.
    const qsizetype count = qsizetype(revisions->size());
    const qsizetype chunks = std::max<qsizetype>(1, std::min<qsizetype>(count / 512, 16));
    std::vector<QByteArray> parts(static_cast<size_t>(chunks));
    parallelFor(
        chunks,
        [&](qsizetype chunk) {
            const RevisionText text(map);
            QString lines;
            const qsizetype last = count * (chunk + 1) / chunks;
            for (qsizetype k = count * chunk / chunks; k < last; ++k) {
                const RevIndex i = (*revisions)[size_t(k)];
                prefetchAhead(k, last,
                              [&](qsizetype j) -> const Revision & { return map.revision((*revisions)[size_t(j)]); });
                if (verbose())
                    lines += text.logEntry(i);
                else
                    text.appendLine(lines, i, {.branches = true, .doc = true, .parents = true});
                lines += QLatin1Char('\n');
            }
            parts[size_t(chunk)] = lines.toUtf8();
        },
        1);
    writeUtf8(m_out, parts);
    return 0;
}

int CliRunner::show(const ProjectSnapshot &project)
{
    const Result<RevIndexes> revisions = showCommand(project, m_invocation.positionals.constFirst());
    if (!revisions)
        return fail(revisions.error());
    const RevisionMap &map = project.map();
    if (json())
        return printJson({{QStringLiteral("revisions"), revisionsToJson(map, *revisions)}});
    const RevisionText text(map);
    for (RevIndex i : *revisions)
        m_out << text.logEntry(i) << '\n';
    return 0;
}

} // namespace retort::cli

namespace retort::cli {

int CliRunner::offlineSql(const ProjectSnapshot &project)
{
    const std::optional<MigrationRequest> request = migrationRequest(m_invocation);
    if (!request) {
        m_err << "retort: --sql applies to upgrade, downgrade and stamp only\n";
        return 2;
    }
    const auto sql = offlineSqlCommand(project, m_invocation.value(QStringLiteral("url")),
                                       QProcessEnvironment::systemEnvironment(), QDir::currentPath(), *request);
    if (const auto *error = sql.failure()) {
        m_err << "FAILED: " << error->toString() << '\n';
        return 1;
    }
    m_out << sql.value();
    return 0;
}

} // namespace retort::cli
