#pragma once

#include "Expected.h"

#include "FileOrigin.h"

#include <QHash>
#include <QStringList>

#include <optional>

namespace retort {

// Who added each revision file, from the git history of the version locations.
//
// One `git log` per version location (after dropping locations nested in another), never one
// per file, so a history of thousands of revisions reads in one pass. Renames inside a location
// are followed (see GitLogParser); a file moved in from outside the location counts as added by
// the move, because git only pairs renames within the paths it is asked about. Commits reached
// only through merges (an "evil merge" adding a file) are not seen: merges carry no file list.
//
// Not a repository, no git program, no commits yet, an untracked file: simply no entry. Only a
// failing git (a corrupt repository, a refused safe.directory, a timeout) is reported in
// failures(), as text for a log line; the entries read before it are kept.
class GitHistory
{
public:
    static GitHistory read(const QStringList &directories);

    // Any spelling of the file's path: it is compared canonically (symlinks resolved).
    std::optional<FileOrigin> originOf(const QString &absolutePath) const;
    bool isEmpty() const { return m_origins.isEmpty(); }
    qsizetype size() const { return m_origins.size(); }
    // What failed while reading, one line per version location; empty when git answered.
    const QStringList &failures() const { return m_failures; }

private:
    QHash<QString, FileOrigin> m_origins; // canonical absolute path -> origin
    QStringList m_failures;
};

} // namespace retort
