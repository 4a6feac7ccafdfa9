#pragma once

#include <QDateTime>
#include <QString>

namespace retort {

// The commit that added a file to version control.
struct FileOrigin
{
    QString commit; // full hash
    QString author; // name, after .mailmap
    QString email;
    QDateTime date; // author date, with the author's UTC offset
    QString subject; // first line of the commit message

    QString shortCommit() const { return commit.left(10); }
};

} // namespace retort
