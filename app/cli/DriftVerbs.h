#pragma once

#include "CommandLine.h"
#include "run/RunError.h"

#include <QJsonObject>
#include <QTextStream>

namespace retort {
class DatabaseSession;
struct DriftCheck;
struct SchemaCommandOptions;
} // namespace retort

namespace retort::cli {

// The verbs drift and identify: the live database's schema against the history's, read only
// (the history's schemas are replayed on shadow databases). Exit status: drift 0 (none), 1
// (drift), 2 (cannot check); identify 0 (an exact match), 1 (none), 2 (cannot rank).
class DriftVerbs
{
public:
    DriftVerbs(const Invocation &invocation, QTextStream &out, QTextStream &err);
    static bool handles(const QString &verb);
    int run(DatabaseSession &session);
    // The status when the database cannot even be opened.
    static constexpr int cannotCheck = 2;

    // What the CLI's schema verbs pass to the command layer (no dialect: the database's).
    static SchemaCommandOptions schemaOptions();
    // check's drift section: {"checked", "changes", "reason"}, and its text lines.
    static QJsonObject driftCheckJson(const DriftCheck &drift);
    static void printDriftCheck(QTextStream &out, const DriftCheck &drift);

private:
    int drift(DatabaseSession &session);
    int identify(DatabaseSession &session);
    int fail(const RunError &error);
    bool json() const { return m_invocation.has(QStringLiteral("json")); }

    const Invocation &m_invocation;
    QTextStream &m_out;
    QTextStream &m_err;
};

} // namespace retort::cli
