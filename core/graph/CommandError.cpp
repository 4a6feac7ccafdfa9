#include "CommandError.h"

namespace retort {

GraphError asCommandError(const GraphError &error, const RevisionErrorContext &context)
{
    GraphError result = error;
    if (error.kind == ErrorKind::MultipleHeads) {
        const QString headArg = context.end.isEmpty() ? error.argument : context.end;
        result.message = QStringLiteral("Multiple head revisions are present for given argument "
                                        "'%1'; please specify a specific target revision, "
                                        "'<branchname>@%1' to narrow to a specific head, or "
                                        "'heads' for all heads")
                             .arg(headArg);
    } else if (error.kind == ErrorKind::ResolutionError) {
        result.message = QStringLiteral("Can't locate revision identified by '%1'").arg(error.argument);
    } else if (error.kind == ErrorKind::RangeNotAncestorError && !context.start.isEmpty()) {
        result.message = QStringLiteral("Requested range %1:%2 does not refer to ancestor/descendant "
                                        "revisions along the same branch")
                             .arg(context.start, context.end);
    }
    return result;
}

} // namespace retort
