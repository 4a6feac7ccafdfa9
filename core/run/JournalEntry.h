#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace retort {

// One row of the journal: a step that ran (or failed) against a database, who ran it and when.
struct JournalEntry
{
    qint64 id = 0;
    QString revision;
    QString direction; // "upgrade", "downgrade" or "stamp"
    QStringList headsBefore;
    QStringList headsAfter;
    QDateTime startedAt; // UTC
    QDateTime finishedAt;
    qint64 durationMs = 0;
    QString scriptSha256; // hex; empty for stamps
    QString appliedBy; // OS user@host
    QString retortVersion;
    QString outcome; // "applied" or "failed"
    QString error;

    // user@host of this process, for appliedBy.
    static QString currentUserAtHost();
};

} // namespace retort
