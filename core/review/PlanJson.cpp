#include "PlanJson.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace retort {

namespace {

QString directionName(PlanStep::Direction direction)
{
    return direction == PlanStep::Direction::Up ? QStringLiteral("upgrade") : QStringLiteral("downgrade");
}

QJsonObject opToJson(const VersionOp &op)
{
    QJsonObject object;
    switch (op.kind) {
    case VersionOp::Kind::Insert:
        object.insert(QStringLiteral("op"), QStringLiteral("insert"));
        object.insert(QStringLiteral("to"), op.to);
        break;
    case VersionOp::Kind::Update:
        object.insert(QStringLiteral("op"), QStringLiteral("update"));
        object.insert(QStringLiteral("from"), op.from);
        object.insert(QStringLiteral("to"), op.to);
        break;
    case VersionOp::Kind::Delete:
        object.insert(QStringLiteral("op"), QStringLiteral("delete"));
        object.insert(QStringLiteral("from"), op.from);
        break;
    }
    return object;
}

QJsonArray stringsToJson(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

// Reads the fields of a plan file, remembering the first one that is missing or of the wrong
// type, so the error names it.
class FieldReader
{
public:
    QString string(const QJsonObject &object, const QString &key, const QString &where)
    {
        const QJsonValue value = object.value(key);
        if (!value.isString())
            fail(where, key, QStringLiteral("a string"));
        return value.toString();
    }
    bool boolean(const QJsonObject &object, const QString &key, const QString &where)
    {
        const QJsonValue value = object.value(key);
        if (!value.isBool())
            fail(where, key, QStringLiteral("true or false"));
        return value.toBool();
    }
    QStringList strings(const QJsonObject &object, const QString &key, const QString &where)
    {
        const QJsonValue value = object.value(key);
        QStringList list;
        if (!value.isArray()) {
            fail(where, key, QStringLiteral("a list of strings"));
            return list;
        }
        for (const QJsonValue &item : value.toArray()) {
            if (!item.isString())
                fail(where, key, QStringLiteral("a list of strings"));
            list.append(item.toString());
        }
        return list;
    }
    QJsonArray array(const QJsonObject &object, const QString &key, const QString &where)
    {
        const QJsonValue value = object.value(key);
        if (!value.isArray())
            fail(where, key, QStringLiteral("a list"));
        return value.toArray();
    }
    QJsonObject object(const QJsonValue &value, const QString &where)
    {
        if (!value.isObject())
            fail(where, QString(), QStringLiteral("an object"));
        return value.toObject();
    }
    void fail(const QString &where, const QString &key, const QString &expected)
    {
        if (m_error.isEmpty())
            m_error =
                (key.isEmpty() ? where : where + QLatin1Char('.') + key) + QStringLiteral(" should be ") + expected;
    }
    const QString &error() const { return m_error; }

private:
    QString m_error;
};

std::optional<VersionOp> opFromJson(FieldReader &reader, const QJsonObject &object, const QString &where)
{
    const QString op = reader.string(object, QStringLiteral("op"), where);
    VersionOp result;
    if (op == u"insert") {
        result.kind = VersionOp::Kind::Insert;
        result.to = reader.string(object, QStringLiteral("to"), where);
    } else if (op == u"update") {
        result.kind = VersionOp::Kind::Update;
        result.from = reader.string(object, QStringLiteral("from"), where);
        result.to = reader.string(object, QStringLiteral("to"), where);
    } else if (op == u"delete") {
        result.kind = VersionOp::Kind::Delete;
        result.from = reader.string(object, QStringLiteral("from"), where);
    } else {
        reader.fail(where, QStringLiteral("op"), QStringLiteral("insert, update or delete"));
        return std::nullopt;
    }
    return result;
}

std::optional<MigrationRequest> requestFromJson(FieldReader &reader, const QJsonObject &object)
{
    const QString where = QStringLiteral("request");
    const QString verb = reader.string(object, QStringLiteral("verb"), where);
    MigrationRequest request;
    request.targets = reader.strings(object, QStringLiteral("targets"), where);
    request.purge = reader.boolean(object, QStringLiteral("purge"), where);
    if (verb == u"upgrade")
        request.kind = MigrationRequest::Kind::Upgrade;
    else if (verb == u"downgrade")
        request.kind = MigrationRequest::Kind::Downgrade;
    else if (verb == u"stamp")
        request.kind = MigrationRequest::Kind::Stamp;
    else if (verb == u"rerun")
        request.kind = MigrationRequest::Kind::Rerun;
    else {
        reader.fail(where, QStringLiteral("verb"), QStringLiteral("upgrade, downgrade, stamp or rerun"));
        return std::nullopt;
    }
    return request;
}

PlanStep stepFromJson(FieldReader &reader, const QJsonObject &object, const QString &where)
{
    PlanStep step;
    const QString direction = reader.string(object, QStringLiteral("direction"), where);
    if (direction == u"downgrade")
        step.direction = PlanStep::Direction::Down;
    else if (direction != u"upgrade")
        reader.fail(where, QStringLiteral("direction"), QStringLiteral("upgrade or downgrade"));
    step.stamp = reader.boolean(object, QStringLiteral("stamp"), where);
    const QString revision = reader.string(object, QStringLiteral("revision"), where);
    step.revision = step.stamp ? QString() : revision;
    step.fromRevisions = reader.strings(object, QStringLiteral("from_revisions"), where);
    step.toRevisions = reader.strings(object, QStringLiteral("to_revisions"), where);
    step.headsAfter = reader.strings(object, QStringLiteral("to_heads"), where);
    step.scriptSha256 = reader.string(object, QStringLiteral("script_sha256"), where);
    const QJsonArray ops = reader.array(object, QStringLiteral("version_ops"), where);
    for (qsizetype i = 0; i < ops.size(); ++i) {
        const QString opWhere = where + QStringLiteral(".version_ops[%1]").arg(i);
        if (const auto op = opFromJson(reader, reader.object(ops.at(i), opWhere), opWhere))
            step.versionOps.append(*op);
    }
    return step;
}

} // namespace

QString describeVersionOp(const VersionOp &op)
{
    switch (op.kind) {
    case VersionOp::Kind::Insert:
        return QStringLiteral("insert %1").arg(op.to);
    case VersionOp::Kind::Update:
        return QStringLiteral("update %1 -> %2").arg(op.from, op.to);
    case VersionOp::Kind::Delete:
        return QStringLiteral("delete %1").arg(op.from);
    }
    return QString();
}

QJsonObject planToJson(const Plan &plan)
{
    QJsonArray steps;
    QStringList heads = plan.headsBefore;
    for (const PlanStep &step : plan.steps) {
        QJsonArray ops;
        for (const VersionOp &op : step.versionOps)
            ops.append(opToJson(op));
        steps.append(QJsonObject{
            {QStringLiteral("direction"), directionName(step.direction)},
            {QStringLiteral("stamp"), step.stamp},
            {QStringLiteral("revision"), step.stamp ? step.toRevisions.join(QLatin1Char(',')) : step.revision},
            {QStringLiteral("from_revisions"), stringsToJson(step.fromRevisions)},
            {QStringLiteral("to_revisions"), stringsToJson(step.toRevisions)},
            {QStringLiteral("from_heads"), stringsToJson(plan.purge && steps.isEmpty() ? QStringList() : heads)},
            {QStringLiteral("to_heads"), stringsToJson(step.headsAfter)},
            {QStringLiteral("version_ops"), ops},
            {QStringLiteral("script_sha256"), step.scriptSha256},
        });
        heads = step.headsAfter;
    }
    const QJsonObject request{{QStringLiteral("verb"), plan.request.verb()},
                              {QStringLiteral("targets"), stringsToJson(plan.request.targets)},
                              {QStringLiteral("purge"), plan.request.purge}};
    return QJsonObject{{QStringLiteral("request"), request},
                       {QStringLiteral("purge"), plan.purge},
                       {QStringLiteral("steps"), steps},
                       {QStringLiteral("database_heads"), stringsToJson(plan.databaseHeads)},
                       {QStringLiteral("heads_before"), stringsToJson(plan.headsBefore)},
                       {QStringLiteral("heads_after"), stringsToJson(plan.headsAfter)}};
}

QJsonObject reviewToJson(const PlanReview &review)
{
    QJsonArray steps;
    for (const PlanReview::Step &step : review.steps)
        steps.append(QJsonObject{{QStringLiteral("description"), step.description},
                                 {QStringLiteral("revision"), step.revision},
                                 {QStringLiteral("message"), step.message},
                                 {QStringLiteral("note"), step.note}});
    QJsonArray destructive;
    for (const PlanReview::Destructive &item : review.destructive)
        destructive.append(QJsonObject{{QStringLiteral("revision"), item.revision},
                                       {QStringLiteral("path"), item.path},
                                       {QStringLiteral("line"), item.line},
                                       {QStringLiteral("reason"), item.reason},
                                       {QStringLiteral("statement"), item.statement}});
    QJsonArray lint;
    for (const LintFinding &finding : review.lint)
        lint.append(QJsonObject{{QStringLiteral("rule"), finding.rule},
                                {QStringLiteral("severity"), lintSeverityName(finding.severity)},
                                {QStringLiteral("revision"), finding.revision},
                                {QStringLiteral("path"), finding.path},
                                {QStringLiteral("line"), finding.line},
                                {QStringLiteral("message"), finding.message},
                                {QStringLiteral("statement"), finding.statement}});
    return QJsonObject{{QStringLiteral("title"), review.title},
                       {QStringLiteral("lint"), lint},
                       {QStringLiteral("steps"), steps},
                       {QStringLiteral("destructive"), destructive},
                       {QStringLiteral("non_transactional"), stringsToJson(review.nonTransactional)},
                       {QStringLiteral("python_steps"), stringsToJson(review.pythonSteps)},
                       {QStringLiteral("purge"), review.purge},
                       {QStringLiteral("version_change"), review.versionChange},
                       {QStringLiteral("backup"), review.backup.isEmpty() ? QJsonValue() : QJsonValue(review.backup)},
                       {QStringLiteral("changes_nothing"), review.changesNothing}};
}

QJsonObject PlanFile::toJson(const QString &project, const QString &database, const ReviewedPlan &reviewed)
{
    QJsonObject object = planToJson(reviewed.plan);
    object.insert(QStringLiteral("format"), QStringLiteral("retort-plan"));
    object.insert(QStringLiteral("format_version"), formatVersion);
    object.insert(QStringLiteral("project"), project);
    object.insert(QStringLiteral("database"), database);
    object.insert(QStringLiteral("review"), reviewToJson(reviewed.review));
    return object;
}

RunResult<PlanFile> PlanFile::parse(const QByteArray &bytes, const QString &path)
{
    const auto bad = [&path](const QString &what) {
        return RunError::make(ErrorKind::BadPlanFile,
                              QStringLiteral("%1: %2; write a new one with 'retort upgrade|downgrade|stamp ... "
                                             "--dry-run --json > FILE'")
                                  .arg(path, what),
                              QString(), path);
    };
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return bad(QStringLiteral("not JSON (%1 at byte %2)").arg(parseError.errorString()).arg(parseError.offset));
    if (!document.isObject())
        return bad(QStringLiteral("not a plan (the top level is not an object)"));
    const QJsonObject top = document.object();
    if (top.value(QStringLiteral("format")).toString() != u"retort-plan")
        return bad(QStringLiteral("not a plan file (no \"format\": \"retort-plan\"); a plan file is written by "
                                  "--dry-run --json"));
    const QJsonValue version = top.value(QStringLiteral("format_version"));
    if (!version.isDouble())
        return bad(QStringLiteral("format_version should be a number"));
    if (version.toDouble() != formatVersion)
        return bad(QStringLiteral("format_version %1 is not one this Retort reads (it reads %2); plan again with "
                                  "this Retort")
                       .arg(version.toDouble())
                       .arg(formatVersion));

    FieldReader reader;
    PlanFile file;
    const QString where = QStringLiteral("plan");
    file.project = reader.string(top, QStringLiteral("project"), where);
    file.database = reader.string(top, QStringLiteral("database"), where);
    const std::optional<MigrationRequest> request =
        requestFromJson(reader, reader.object(top.value(QStringLiteral("request")), QStringLiteral("request")));
    if (request)
        file.plan.request = *request;
    file.plan.purge = reader.boolean(top, QStringLiteral("purge"), where);
    file.plan.databaseHeads = reader.strings(top, QStringLiteral("database_heads"), where);
    file.plan.headsBefore = reader.strings(top, QStringLiteral("heads_before"), where);
    file.plan.headsAfter = reader.strings(top, QStringLiteral("heads_after"), where);
    const QJsonArray steps = reader.array(top, QStringLiteral("steps"), where);
    for (qsizetype i = 0; i < steps.size(); ++i) {
        const QString stepWhere = QStringLiteral("steps[%1]").arg(i);
        file.plan.steps.append(stepFromJson(reader, reader.object(steps.at(i), stepWhere), stepWhere));
    }
    if (!reader.error().isEmpty())
        return bad(reader.error());
    if (file.project.isEmpty())
        return bad(QStringLiteral("it names no project"));
    return file;
}

} // namespace retort
