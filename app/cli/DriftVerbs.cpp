#include "DriftVerbs.h"

#include "SchemaVerbs.h"
#include "command/CheckCommand.h"
#include "command/DatabaseSession.h"
#include "command/DriftCommand.h"
#include "command/IdentifyCommand.h"
#include "schema/SchemaDiff.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>

namespace retort::cli {

namespace {

void printJson(QTextStream &out, const QJsonObject &object)
{
    out << QJsonDocument(object).toJson(QJsonDocument::Indented);
}

void printChanges(QTextStream &out, const SchemaChanges &changes, const QString &indent)
{
    for (const SchemaChange &change : changes)
        out << indent << change.toLine() << '\n';
}

QString revisionsText(const QStringList &revisions)
{
    return revisions.isEmpty() ? QStringLiteral("(none: base)") : revisions.join(QStringLiteral(", "));
}

} // namespace

DriftVerbs::DriftVerbs(const Invocation &invocation, QTextStream &out, QTextStream &err)
    : m_invocation(invocation)
    , m_out(out)
    , m_err(err)
{
}

bool DriftVerbs::handles(const QString &verb)
{
    return verb == u"drift" || verb == u"identify";
}

SchemaCommandOptions DriftVerbs::schemaOptions()
{
    SchemaCommandOptions options;
    options.workingDirectory = QDir::currentPath();
    return options;
}

int DriftVerbs::run(DatabaseSession &session)
{
    return m_invocation.verb == u"drift" ? drift(session) : identify(session);
}

int DriftVerbs::fail(const RunError &error)
{
    if (json())
        printJson(m_out, {{QStringLiteral("error"), runErrorJson(error)}});
    else
        m_err << "FAILED: " << error.toString() << '\n';
    return cannotCheck;
}

QJsonObject DriftVerbs::driftCheckJson(const DriftCheck &drift)
{
    QJsonObject object{{QStringLiteral("checked"), drift.checked},
                       {QStringLiteral("changes"), SchemaDiff::toJson(drift.changes)}};
    if (!drift.checked)
        object.insert(QStringLiteral("reason"), drift.reason);
    return object;
}

void DriftVerbs::printDriftCheck(QTextStream &out, const DriftCheck &drift)
{
    if (!drift.checked) {
        out << "Note: schema drift not checked: " << drift.reason << '\n';
    } else if (drift.changes.isEmpty()) {
        out << "Schema: as the history says.\n";
    } else {
        out << "ERROR: the database's schema differs from its revision's (" << drift.changes.size()
            << " change(s), history -> database):\n";
        printChanges(out, drift.changes, QStringLiteral("    "));
        out << "    put the change in a new revision, or undo it in the database; 'retort drift' shows it alone\n";
    }
}

int DriftVerbs::drift(DatabaseSession &session)
{
    const RunResult<DriftReport> report = driftCommand(session, schemaOptions());
    if (const RunError *error = report.failure())
        return fail(*error);
    const int status = report->drifted() ? 1 : 0;
    if (json()) {
        printJson(m_out,
                  {{QStringLiteral("drift"),
                    QJsonObject{{QStringLiteral("checked"), true},
                                {QStringLiteral("changes"), SchemaDiff::toJson(report->changes)}}},
                   {QStringLiteral("database"), report->database},
                   {QStringLiteral("dialect"), report->dialect},
                   {QStringLiteral("database_heads"), QJsonArray::fromStringList(report->databaseHeads)},
                   {QStringLiteral("ignored"), QJsonArray::fromStringList(report->ignored)}});
        return status;
    }
    m_out << "Database: " << report->database << '\n';
    m_out << "Database revision(s): " << revisionsText(report->databaseHeads) << '\n';
    if (!report->ignored.isEmpty())
        m_out << "Ignored: " << report->ignored.join(QStringLiteral(", ")) << '\n';
    if (!report->drifted()) {
        m_out << "No drift: the schema is what the history says.\n";
        return status;
    }
    m_out << report->changes.size() << " change(s) from the history's schema to the database's:\n";
    printChanges(m_out, report->changes, QStringLiteral("  "));
    if (report->databaseHeads.isEmpty())
        m_out << "The version table is missing or empty, so the history's schema is the empty one: "
                 "'retort identify' finds the revision this database is at.\n";
    m_out << "Write a revision that makes these changes (then 'retort stamp' it if the database already has them), "
             "or undo them in the database; [retort] drift_ignore = names tables to leave out.\n";
    return status;
}

int DriftVerbs::identify(DatabaseSession &session)
{
    bool limitOk = true;
    const QString limitText = m_invocation.value(QStringLiteral("limit"));
    const int limit = limitText.isEmpty() ? 5 : limitText.toInt(&limitOk);
    if (!limitOk || limit < 1) {
        m_err << "retort: --limit takes a positive number, not " << limitText << '\n';
        return 2;
    }
    const RunResult<IdentifyReport> report = identifyCommand(session, schemaOptions());
    if (const RunError *error = report.failure())
        return fail(*error);
    const QList<IdentifyCandidate> shown = report->candidates.mid(0, limit);
    const bool exact = !shown.isEmpty() && shown.front().exact();
    const int status = exact ? 0 : 1;
    if (json()) {
        QJsonArray candidates;
        for (const IdentifyCandidate &candidate : shown)
            candidates.append(QJsonObject{{QStringLiteral("revision"), candidate.revision},
                                          {QStringLiteral("exact"), candidate.exact()},
                                          {QStringLiteral("distance"), candidate.distance},
                                          {QStringLiteral("differences"), SchemaDiff::toJson(candidate.differences)}});
        QJsonArray unreplayed;
        for (const UnreplayedRevision &revision : report->unreplayed) {
            QJsonObject object{{QStringLiteral("revision"), revision.revision},
                               {QStringLiteral("error"), runErrorJson(revision.error)}};
            if (!revision.blockedBy.isEmpty())
                object.insert(QStringLiteral("blocked_by"), revision.blockedBy);
            unreplayed.append(object);
        }
        printJson(m_out,
                  {{QStringLiteral("candidates"), candidates},
                   {QStringLiteral("total"), int(report->candidates.size())},
                   {QStringLiteral("could_not_replay"), unreplayed},
                   {QStringLiteral("database"), report->database},
                   {QStringLiteral("dialect"), report->dialect},
                   {QStringLiteral("database_heads"), QJsonArray::fromStringList(report->databaseHeads)},
                   {QStringLiteral("ignored"), QJsonArray::fromStringList(report->ignored)}});
        return status;
    }
    m_out << "Database: " << report->database << '\n';
    m_out << "Database revision(s): " << revisionsText(report->databaseHeads) << '\n';
    m_out << "Closest revisions (of " << report->candidates.size() << ", by schema distance):\n";
    for (const IdentifyCandidate &candidate : shown) {
        m_out << "  " << candidate.revision << "  "
              << (candidate.exact() ? QStringLiteral("exact match")
                                    : QStringLiteral("%1 difference(s)").arg(candidate.distance))
              << '\n';
    }
    for (const UnreplayedRevision &revision : report->unreplayed)
        m_out << "could not replay: " << revision.revision << ": "
              << (revision.blockedBy.isEmpty() ? revision.error.toString()
                                               : QStringLiteral("after %1 failed").arg(revision.blockedBy))
              << '\n';
    if (shown.isEmpty())
        return status;
    const IdentifyCandidate &best = shown.front();
    // A version table with rows no file defines keeps them under a plain stamp.
    const QString stamp =
        report->databaseHeads.isEmpty() ? QStringLiteral("retort stamp ") : QStringLiteral("retort stamp --purge ");
    if (exact) {
        const QList<IdentifyCandidate> matches = report->exactMatches();
        if (matches.size() > 1)
            m_out << matches.size() << " revisions have this schema (revisions that changed only data); "
                  << "the newest is first.\n";
        if (best.revision == u"base")
            m_out << "The database holds none of the history's tables: 'retort upgrade head' builds it from base.\n";
        else
            m_out << "The database has the schema of " << best.revision << ". Next: " << stamp << best.revision << '\n';
        return status;
    }
    m_out << "No revision matches exactly. The closest is " << best.revision << "; from its schema to the "
          << "database's:\n";
    printChanges(m_out, best.differences, QStringLiteral("  "));
    m_out << "Bring the database to that schema (or write a revision with these changes), then "
          << "'" << stamp << best.revision << "'.\n";
    return status;
}

} // namespace retort::cli
