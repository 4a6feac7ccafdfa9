#include "MergeVerb.h"

#include "command/MergeCommand.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace retort::cli {

MergeVerb::MergeVerb(const Invocation &invocation, QTextStream &out, QTextStream &err)
    : m_invocation(invocation)
    , m_out(out)
    , m_err(err)
{
}

int MergeVerb::fail(const RunError &error)
{
    if (json()) {
        const QJsonObject object{{QStringLiteral("error"),
                                  QJsonObject{{QStringLiteral("kind"), error.kindName()},
                                              {QStringLiteral("message"), error.message},
                                              {QStringLiteral("revision"), error.revision},
                                              {QStringLiteral("path"), error.path}}}};
        m_out << QJsonDocument(object).toJson(QJsonDocument::Indented);
    } else {
        m_err << "FAILED: " << error.toString() << '\n'; // Alembic's own prefix
    }
    return 1;
}

int MergeVerb::run(const ProjectSnapshot &project)
{
    MergeRequest request;
    if (!m_invocation.positionals.isEmpty())
        request.revisions = m_invocation.positionals;
    request.message = m_invocation.value(QStringLiteral("message"));
    request.branchLabel = m_invocation.value(QStringLiteral("branch-label"));
    request.revId = m_invocation.value(QStringLiteral("rev-id"));

    const auto outcome = mergeCommand(project, request, QDir::currentPath());
    if (const auto *error = outcome.failure())
        return fail(*error);
    const MergeOutcome &merge = outcome.value();
    if (json()) {
        const QJsonObject object{{QStringLiteral("revision"), merge.revision},
                                 {QStringLiteral("path"), merge.path},
                                 {QStringLiteral("parents"), QJsonArray::fromStringList(merge.parents)}};
        m_out << QJsonDocument(object).toJson(QJsonDocument::Indented);
    } else {
        m_out << "Generating " << merge.path << " ...  done\n";
    }
    return 0;
}

} // namespace retort::cli
