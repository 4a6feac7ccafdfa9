#include "ReplayReport.h"

namespace retort {

QString RevisionReplay::statusName(Status status)
{
    switch (status) {
    case Status::Replayed:
        return QStringLiteral("ok");
    case Status::Cached:
        return QStringLiteral("cached");
    case Status::Failed:
        return QStringLiteral("failed");
    case Status::Skipped:
        return QStringLiteral("skipped");
    }
    return {};
}

int ReplayReport::count(RevisionReplay::Status status) const
{
    int n = 0;
    for (const RevisionReplay &revision : revisions)
        n += revision.status == status ? 1 : 0;
    return n;
}

const RevisionReplay *ReplayReport::find(const QString &revision) const
{
    for (const RevisionReplay &entry : revisions) {
        if (entry.revision == revision)
            return &entry;
    }
    return nullptr;
}

} // namespace retort
