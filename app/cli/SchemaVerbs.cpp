#include "SchemaVerbs.h"

#include "command/ProjectSnapshot.h"
#include "command/SchemaCommands.h"
#include "schema/SchemaDiff.h"
#include "schema/SchemaJson.h"
#include "schema/SchemaText.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>

namespace retort::cli {

QJsonObject runErrorJson(const RunError &error)
{
    return {{QStringLiteral("kind"), error.kindName()},
            {QStringLiteral("message"), error.message},
            {QStringLiteral("revision"), error.revision},
            {QStringLiteral("path"), error.path},
            {QStringLiteral("line"), error.line},
            {QStringLiteral("statement"), error.statement},
            {QStringLiteral("database_message"), error.databaseMessage}};
}

QString changeLine(const SchemaChange &change)
{
    QString where = change.table;
    if (!change.name.isEmpty())
        where += (where.isEmpty() ? QString() : QStringLiteral(".")) + change.name;
    QString line = change.kindName() + u' ' + where;
    if (!change.before.isEmpty() && !change.after.isEmpty())
        line += QStringLiteral(": ") + change.before + QStringLiteral(" -> ") + change.after;
    else if (!change.before.isEmpty() || !change.after.isEmpty())
        line += QStringLiteral(": ") + change.before + change.after;
    return line;
}

SchemaVerbs::SchemaVerbs(const Invocation &invocation, QTextStream &out, QTextStream &err)
    : m_invocation(invocation)
    , m_out(out)
    , m_err(err)
{
}

bool SchemaVerbs::handles(const QString &verb)
{
    return verb == u"schema" || verb == u"diff" || verb == u"replay";
}

int SchemaVerbs::fail(const RunError &error)
{
    if (json())
        printJson({{QStringLiteral("error"), runErrorJson(error)}});
    else
        m_err << "FAILED: " << error.toString() << '\n';
    return 1;
}

int SchemaVerbs::printJson(const QJsonObject &object)
{
    m_out << QJsonDocument(object).toJson(QJsonDocument::Indented);
    return 0;
}

int SchemaVerbs::run(const ProjectSnapshot &project)
{
    const QString dialect = m_invocation.value(QStringLiteral("dialect"));
    if (!dialect.isEmpty() && dialect != u"sqlite" && dialect != u"postgresql") {
        m_err << "retort: --dialect is sqlite or postgresql, not " << dialect << '\n';
        return 2;
    }
    SchemaCommandOptions options;
    options.dialect = dialect;
    options.urlOption = m_invocation.value(QStringLiteral("url"));
    options.workingDirectory = QDir::currentPath();
    // Python revisions need the replay driver, which this build does not run yet: they are
    // reported as failed (AlembicUnavailable) and native branches still replay.
    const QString &verb = m_invocation.verb;
    if (verb == u"schema")
        return schema(project, options);
    if (verb == u"diff")
        return diff(project, options);
    return replay(project, options);
}

int SchemaVerbs::schema(const ProjectSnapshot &project, const SchemaCommandOptions &options)
{
    const QString revision = m_invocation.positionals.value(0);
    const RunResult<QList<RevisionSchema>> schemas = schemaCommand(project, revision, options);
    if (const RunError *error = schemas.failure())
        return fail(*error);
    if (json()) {
        QJsonArray all;
        for (const RevisionSchema &schema : *schemas) {
            QJsonObject object = SchemaJson::toJson(schema.schema);
            object.insert(QStringLiteral("revision"), schema.revision);
            all.append(object);
        }
        // One revision: its object; several heads: {"schemas": [...]}.
        return printJson(all.size() == 1 ? all.first().toObject() : QJsonObject{{QStringLiteral("schemas"), all}});
    }
    bool first = true;
    for (const RevisionSchema &schema : *schemas) {
        if (!first)
            m_out << '\n';
        first = false;
        m_out << "Schema at " << schema.revision << " (" << schema.schema.dialect << ")\n\n"
              << SchemaText::toText(schema.schema);
    }
    return 0;
}

int SchemaVerbs::diff(const ProjectSnapshot &project, const SchemaCommandOptions &options)
{
    const RunResult<SchemaDifference> difference =
        diffCommand(project, m_invocation.positionals.value(0), m_invocation.positionals.value(1), options);
    if (const RunError *error = difference.failure())
        return fail(*error);
    if (json())
        return printJson({{QStringLiteral("from"), difference->from},
                          {QStringLiteral("to"), difference->to},
                          {QStringLiteral("dialect"), difference->dialect},
                          {QStringLiteral("changes"), SchemaDiff::toJson(difference->changes)}});
    for (const SchemaChange &change : difference->changes)
        m_out << changeLine(change) << '\n';
    return 0;
}

int SchemaVerbs::replay(const ProjectSnapshot &project, const SchemaCommandOptions &options)
{
    const RunResult<ReplayReport> report = replayCommand(project, options);
    if (const RunError *error = report.failure())
        return fail(*error);
    using Status = RevisionReplay::Status;
    if (json()) {
        QJsonArray revisions;
        for (const RevisionReplay &entry : report->revisions) {
            QJsonObject object{{QStringLiteral("revision"), entry.revision},
                               {QStringLiteral("status"), RevisionReplay::statusName(entry.status)}};
            if (entry.error)
                object.insert(QStringLiteral("error"), runErrorJson(*entry.error));
            if (!entry.blockedBy.isEmpty())
                object.insert(QStringLiteral("blocked_by"), entry.blockedBy);
            revisions.append(object);
        }
        QJsonObject counts;
        for (Status status : {Status::Replayed, Status::Cached, Status::Failed, Status::Skipped})
            counts.insert(RevisionReplay::statusName(status), report->count(status));
        printJson({{QStringLiteral("dialect"), report->dialect},
                   {QStringLiteral("revisions"), revisions},
                   {QStringLiteral("counts"), counts}});
    } else {
        for (const RevisionReplay &entry : report->revisions) {
            m_out << entry.revision << ' ' << RevisionReplay::statusName(entry.status);
            if (entry.error)
                m_out << ": " << entry.error->toString();
            if (!entry.blockedBy.isEmpty())
                m_out << " (after " << entry.blockedBy << ')';
            m_out << '\n';
        }
        m_out << report->count(Status::Replayed) << " replayed, " << report->count(Status::Cached) << " cached, "
              << report->count(Status::Failed) << " failed, " << report->count(Status::Skipped) << " skipped ("
              << report->dialect << ")\n";
    }
    return report->count(Status::Failed) > 0 ? 1 : 0;
}

} // namespace retort::cli
