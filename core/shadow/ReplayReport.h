#pragma once

#include "run/RunError.h"
#include "schema/Schema.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace retort {

// What replay did for one revision.
struct RevisionReplay
{
    enum class Status {
        Replayed, // its steps ran on a shadow database and its schema was read
        Cached, // its schema was already in the cache under the same key
        Failed, // a step failed on the shadow (or the shadow could not be made)
        Skipped, // an ancestor failed or was skipped
    };
    QString revision;
    Status status = Status::Replayed;
    std::optional<RunError> error; // Failed
    QString blockedBy; // Skipped: the ancestor that failed or was skipped

    // "ok", "cached", "failed", "skipped": the words the CLI and JSON use.
    static QString statusName(Status status);
};

struct ReplayReport
{
    QString dialect; // "sqlite", "postgresql"
    QList<RevisionReplay> revisions; // in replay order, parents first
    // The schemas asked for (ReplayOptions::keepSchemas), by revision id.
    QHash<QString, Schema> schemas;
    bool cancelled = false; // stopped between steps; later revisions are not in `revisions`

    int count(RevisionReplay::Status status) const;
    const RevisionReplay *find(const QString &revision) const;
    bool ok() const { return !cancelled && count(RevisionReplay::Status::Failed) == 0; }
};

} // namespace retort
