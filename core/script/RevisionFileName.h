#pragma once

#include <QDateTime>
#include <QHash>
#include <QString>
#include <QVariant>

namespace retort {

// The name Alembic gives a new revision file (ScriptDirectory._rev_path): the configured
// file_template filled with rev, slug, epoch and the create date's parts, plus the extension.
class RevisionFileName
{
public:
    // Alembic's slug: the message's word runs joined by "_", lower-cased; longer than
    // truncateLength -> cut there, back to the last "_", with a trailing "_".
    static QString slug(const QString &message, int truncateLength);
    // fileTemplate as after ini interpolation ("%(rev)s_%(slug)s"); extension with its dot.
    static QString fileName(const QString &fileTemplate, const QString &revision, const QString &message,
                            const QDateTime &createDate, int truncateLength, const QString &extension);
    // Python's printf-style "%(key)..." formatting for the s/d/i conversions file templates use.
    // Unknown keys and malformed specifiers are left as written.
    static QString format(const QString &fileTemplate, const QHash<QString, QVariant> &values);
};

} // namespace retort
