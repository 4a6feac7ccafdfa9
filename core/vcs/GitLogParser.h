#pragma once

#include "FileOrigin.h"

#include <QByteArray>
#include <QHash>
#include <QStringList>

namespace retort {

// Reads the output of
//   git log -z --name-status --diff-filter=AR -M --format=<GitLogParser::format()>
// (newest commit first) into: path -> the commit that added the file now at that path.
//
// Renames are followed, like `git log --follow` but for every file in one pass: a file renamed
// from a.py to b.py keeps the commit that added a.py. A path deleted and added again belongs to
// its newest addition (the file there now). A path reached only through renames whose first
// addition is not in the output (a shallow clone) keeps the oldest rename seen.
class GitLogParser
{
public:
    // The --format= argument the parser expects.
    static QString format();

    void parse(const QByteArray &output);
    // Relative paths as git printed them (relative to the directory git ran in with --relative).
    const QHash<QString, FileOrigin> &origins() const { return m_origins; }

private:
    struct Change
    {
        QString renamedFrom; // empty for an addition
        QString path;
    };
    void apply(const QList<Change> &changes, const FileOrigin &commit);

    QHash<QString, FileOrigin> m_origins;
    QHash<QString, QStringList> m_followed; // an older name -> the current paths that had it
};

} // namespace retort
