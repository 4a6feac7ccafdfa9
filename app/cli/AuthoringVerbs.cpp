#include "AuthoringVerbs.h"

#include "command/AutogenerateCommand.h"
#include "command/InitCommand.h"
#include "command/RevisionCommand.h"

#include <QDir>

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace retort::cli {

AuthoringVerbs::AuthoringVerbs(const Invocation &invocation, QTextStream &out, QTextStream &err)
    : m_invocation(invocation)
    , m_out(out)
    , m_err(err)
{
}

int AuthoringVerbs::fail(const RunError &error)
{
    if (json()) {
        const QJsonObject object{{u"error"_s,
                                  QJsonObject{{u"kind"_s, error.kindName()},
                                              {u"message"_s, error.message},
                                              {u"revision"_s, error.revision},
                                              {u"path"_s, error.path},
                                              {u"line"_s, error.line}}}};
        m_out << QJsonDocument(object).toJson(QJsonDocument::Indented);
    } else {
        m_err << "FAILED: " << error.toString() << '\n'; // Alembic's own prefix
    }
    return 1;
}

int AuthoringVerbs::init()
{
    InitRequest request;
    request.directory = m_invocation.positionals.value(0);
    const QString format = m_invocation.has(u"format"_s) ? m_invocation.value(u"format"_s) : u"python"_s;
    const QString templateName = m_invocation.has(u"template"_s) ? m_invocation.value(u"template"_s) : u"flask"_s;
    if (format == u"sql"_s) {
        if (m_invocation.has(u"template"_s)) {
            m_err << "retort: --template applies to --format python only\n";
            return 2;
        }
        request.kind = ProjectTemplate::Sql;
    } else if (format == u"python"_s) {
        if (templateName == u"flask"_s)
            request.kind = ProjectTemplate::Flask;
        else if (templateName == u"generic"_s)
            request.kind = ProjectTemplate::Generic;
        else {
            m_err << "retort: --template is flask or generic, not " << templateName << '\n';
            return 2;
        }
    } else {
        m_err << "retort: --format is python or sql, not " << format << '\n';
        return 2;
    }
    const auto outcome = initCommand(request, QDir::currentPath());
    if (const auto *error = outcome.failure())
        return fail(*error);
    if (json()) {
        const QJsonObject object{{u"directory"_s, outcome->directory},
                                 {u"created"_s, QJsonArray::fromStringList(outcome->created)}};
        m_out << QJsonDocument(object).toJson(QJsonDocument::Indented);
        return 0;
    }
    for (const QString &path : outcome->created)
        m_out << (QFileInfo(path).isDir() ? "  Creating directory " : "  Generating ") << path << " ...  done\n";
    m_out << "Edit " << QDir(outcome->directory).filePath(u"alembic.ini"_s)
          << (request.kind == ProjectTemplate::Flask ? " (and keep FLASK_APP set)" : "")
          << " before the first revision.\n";
    return 0;
}

int AuthoringVerbs::run(const ProjectSnapshot &project)
{
    if (m_invocation.verb == u"migrate")
        return autogenerate(project);
    return revision(project);
}

int AuthoringVerbs::autogenerate(const ProjectSnapshot &project)
{
    AutogenerateRequest request;
    if (m_invocation.has(u"message"_s))
        request.message = m_invocation.value(u"message"_s);
    request.revId = m_invocation.value(u"rev-id"_s);
    request.urlOption = m_invocation.value(u"url"_s);
    if (!json())
        m_err << "Running the project's autogenerate; its output follows.\n";
    const auto outcome = autogenerateCommand(project, request, QDir::currentPath());
    if (const auto *error = outcome.failure())
        return fail(*error);
    const AutogenerateOutcome &done = outcome.value();
    if (json()) {
        const QJsonObject object{{u"revision"_s, done.revision.isEmpty() ? QJsonValue() : QJsonValue(done.revision)},
                                 {u"path"_s, done.path.isEmpty() ? QJsonValue() : QJsonValue(done.path)},
                                 {u"parents"_s, QJsonArray::fromStringList(done.parents)},
                                 {u"command"_s, done.commandLine},
                                 {u"output"_s, QJsonArray::fromStringList(done.output)}};
        m_out << QJsonDocument(object).toJson(QJsonDocument::Indented);
        return 0;
    }
    // Alembic's own lines, as it printed them (the "Generating ..." line among them).
    for (const QString &line : done.output)
        m_err << line << '\n';
    m_err.flush();
    if (done.path.isEmpty())
        m_out << "No changes in schema detected; no revision was written.\n";
    else
        m_out << "Wrote revision " << done.revision << ": " << done.path << '\n';
    return 0;
}

int AuthoringVerbs::revision(const ProjectSnapshot &project)
{
    RevisionRequest request;
    if (m_invocation.has(u"message"_s))
        request.message = m_invocation.value(u"message"_s);
    if (m_invocation.has(u"head"_s))
        request.head = m_invocation.value(u"head"_s);
    request.splice = m_invocation.has(u"splice"_s);
    request.branchLabel = m_invocation.value(u"branch-label"_s);
    request.dependsOn = m_invocation.options.value(u"depends-on"_s);
    request.revId = m_invocation.value(u"rev-id"_s);
    request.versionPath = m_invocation.value(u"version-path"_s);

    const auto outcome = revisionCommand(project, request);
    if (const auto *error = outcome.failure())
        return fail(*error);
    const RevisionOutcome &written = outcome.value();
    if (json()) {
        const QJsonObject object{{u"revision"_s, written.revision},
                                 {u"path"_s, written.path},
                                 {u"parents"_s, QJsonArray::fromStringList(written.parents)},
                                 {u"depends_on"_s, QJsonArray::fromStringList(written.dependsOn)},
                                 {u"format"_s, written.format == ScriptFormat::Sql ? u"sql"_s : u"python"_s}};
        m_out << QJsonDocument(object).toJson(QJsonDocument::Indented);
    } else {
        m_out << "Generating " << written.path << " ...  done\n";
    }
    return 0;
}

} // namespace retort::cli
