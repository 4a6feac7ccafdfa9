#include "RehearseVerb.h"

#include "ConsoleRunObserver.h"
#include "PlanText.h"
#include "SchemaVerbs.h"
#include "command/ProjectSnapshot.h"
#include "command/RehearseCommand.h"
#include "run/StepDescription.h"
#include "schema/SchemaDiff.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace retort::cli {

namespace {

QString seconds(qint64 ms)
{
    return QString::number(double(ms) / 1000.0, 'f', 3);
}

} // namespace

RehearseVerb::RehearseVerb(const Invocation &invocation, QTextStream &out, QTextStream &err)
    : m_invocation(invocation)
    , m_out(out)
    , m_err(err)
{
}

int RehearseVerb::run(const ProjectSnapshot &project)
{
    RehearseOptions options;
    options.target = m_invocation.positionals.value(0, options.target);
    options.urlOption = m_invocation.value(u"url"_s);
    options.workingDirectory = QDir::currentPath();
    options.fromBackup = m_invocation.value(u"from-backup"_s);
    const RevisionMap &map = project.map();
    ConsoleRunObserver observer(m_err, [&map](const QString &id) {
        const RevIndex index = map.indexOf(id);
        return index >= 0 ? map.revision(index).message : QString();
    });
    const RunResult<Rehearsal> rehearsal = rehearseCommand(project, options, observer);
    if (const RunError *error = rehearsal.failure()) {
        if (m_invocation.has(u"json"_s))
            m_out << QJsonDocument(QJsonObject{{u"error"_s, runErrorJson(*error)}}).toJson(QJsonDocument::Indented);
        else
            m_err << "FAILED: " << error->toString() << '\n';
        return 1;
    }
    const int status = m_invocation.has(u"json"_s) ? printJson(*rehearsal) : printText(project, *rehearsal);
    return status != 0 ? status : rehearsal->ok() ? 0 : 1;
}

int RehearseVerb::printJson(const Rehearsal &rehearsal)
{
    QJsonArray steps;
    for (const RehearsalStep &step : rehearsal.steps) {
        steps.append(QJsonObject{
            {u"revision"_s, step.revision},
            {u"direction"_s, step.direction},
            {u"ran"_s, step.ran},
            {u"seconds"_s, step.ran ? QJsonValue(double(step.elapsedMs) / 1000.0) : QJsonValue()},
            {u"ok"_s, step.ok},
            {u"error"_s, step.error ? QJsonValue(runErrorJson(*step.error)) : QJsonValue()},
        });
    }
    const QJsonObject object{
        {u"target"_s, rehearsal.target},
        {u"database"_s, rehearsal.database},
        {u"dialect"_s, rehearsal.dialect},
        {u"copy_seconds"_s, double(rehearsal.copyMs) / 1000.0},
        {u"heads_before"_s, QJsonArray::fromStringList(rehearsal.plan.plan.headsBefore)},
        {u"planned_heads_after"_s, QJsonArray::fromStringList(rehearsal.plan.plan.headsAfter)},
        {u"steps"_s, steps},
        {u"ok"_s, rehearsal.ok()},
        {u"cancelled"_s, rehearsal.cancelled},
        {u"error"_s, rehearsal.error ? QJsonValue(runErrorJson(*rehearsal.error)) : QJsonValue()},
        {u"changes"_s, SchemaDiff::toJson(rehearsal.changes)},
    };
    m_out << QJsonDocument(object).toJson(QJsonDocument::Indented);
    return 0;
}

int RehearseVerb::printText(const ProjectSnapshot &project, const Rehearsal &rehearsal)
{
    const RevisionMap &map = project.map();
    m_out << "Rehearsal of " << rehearsal.plan.plan.request.verb() << ' ' << rehearsal.target << " on a "
          << rehearsal.database << " (made in " << seconds(rehearsal.copyMs) << " s)\n\n";
    writePlanText(m_out, map, rehearsal.plan);
    if (!rehearsal.steps.isEmpty()) {
        m_out << "\nSteps on the copy:\n";
        for (const RehearsalStep &step : rehearsal.steps) {
            const QString state = !step.ran ? u"not run"_s : step.ok ? u"ok"_s : u"FAILED"_s;
            const QString time = step.ran ? seconds(step.elapsedMs) + u" s"_s : QString();
            m_out << "  " << state.leftJustified(8) << time.rightJustified(10) << "  " << describeStep(step.step)
                  << '\n';
        }
    }
    if (rehearsal.error)
        m_out << "\nFAILED: " << rehearsal.error->toString() << '\n';
    else if (rehearsal.cancelled)
        m_out << "\nCancelled between steps.\n";
    m_out << "\nSchema changes on the copy:";
    if (rehearsal.changes.isEmpty())
        m_out << " none\n";
    else
        m_out << '\n';
    for (const SchemaChange &change : rehearsal.changes)
        m_out << "  " << change.toLine() << '\n';
    m_out << "\nThe live database was not changed; the copy was dropped.\n";
    return 0;
}

} // namespace retort::cli
