#include "PlanJson.h"

#include <QJsonArray>

namespace retort::cli {

namespace {

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
            {QStringLiteral("direction"), step.direction == PlanStep::Direction::Up ? QStringLiteral("upgrade")
                                                                                   : QStringLiteral("downgrade")},
            {QStringLiteral("stamp"), step.stamp},
            {QStringLiteral("revision"), step.stamp ? step.toRevisions.join(QLatin1Char(',')) : step.revision},
            {QStringLiteral("from_heads"), QJsonArray::fromStringList(plan.purge && steps.isEmpty() ? QStringList() : heads)},
            {QStringLiteral("to_heads"), QJsonArray::fromStringList(step.headsAfter)},
            {QStringLiteral("version_ops"), ops},
        });
        heads = step.headsAfter;
    }
    return QJsonObject{{QStringLiteral("steps"), steps},
                       {QStringLiteral("heads_before"), QJsonArray::fromStringList(plan.headsBefore)},
                       {QStringLiteral("heads_after"), QJsonArray::fromStringList(plan.headsAfter)}};
}

} // namespace retort::cli
