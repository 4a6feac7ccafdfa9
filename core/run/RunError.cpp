#include "RunError.h"

#include "ElidedText.h"

namespace retort {

RunError RunError::make(ErrorKind kind, QString message, QString revision, QString path, int line)
{
    RunError run;
    run.kind = kind;
    run.message = std::move(message);
    run.revision = std::move(revision);
    run.path = std::move(path);
    run.line = line;
    return run;
}

RunError RunError::fromDb(const DbError &error, std::optional<ErrorKind> kind)
{
    RunError run;
    run.kind = kind.value_or(error.kind);
    run.message = error.message;
    run.revision = error.revision;
    run.statement = error.statement;
    run.databaseMessage = error.databaseMessage;
    run.target = error.target;
    return run;
}

RunError RunError::fromGraph(const GraphError &error)
{
    return make(error.kind, error.message);
}

QString RunError::toString() const
{
    QString text;
    if (!path.isEmpty())
        text = path + (line > 0 ? QLatin1Char(':') + QString::number(line) : QString()) + QStringLiteral(": ");
    text += message;
    if (!statement.isEmpty())
        text += QStringLiteral("\n  statement: ") + elided(statement.simplified());
    if (!databaseMessage.isEmpty())
        text += QStringLiteral("\n  database said: ") + elided(databaseMessage.trimmed());
    if (!target.isEmpty())
        text += QStringLiteral("\n  database: ") + target;
    return text;
}

} // namespace retort
