#pragma once

#include "ErrorKind.h"

#include <QString>
#include <QStringList>

namespace retort {

// A failed graph question, as a value. `kind` is the Alembic exception class that Alembic raises
// in the same situation (MultipleHeads, ResolutionError, CycleDetected, RangeNotAncestorError,
// RevisionError, ...) and `message` is Alembic's own text, so people used to Alembic's messages
// see the same words.
struct GraphError
{
    ErrorKind kind = ErrorKind::RevisionError;
    QString message;
    QStringList revisions; // revisions involved (heads of MultipleHeads, members of a cycle, ...)
    QString argument; // the identifier the person gave, when there was one

    static GraphError make(ErrorKind kind, const QString &message, const QStringList &revisions = {},
                           const QString &argument = {})
    {
        return GraphError{kind, message, revisions, argument};
    }
    QString kindName() const { return errorKindName(kind); }
    friend bool operator==(const GraphError &, const GraphError &) = default;
};

} // namespace retort
