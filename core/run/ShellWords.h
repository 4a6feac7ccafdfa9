#pragma once

#include "Expected.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace retort {

// Command lines as people write them in config files, split the way a POSIX shell splits words
// (single quotes, double quotes, backslash escapes) but without running a shell: no variables,
// no globbing, no redirection. Used for the [retort] alembic_command setting.
class ShellWords
{
public:
    // The words of text; fails when a quote is left open or text ends in a lone backslash.
    static Fallible<QStringList> split(QStringView text);
    // One word quoted so that split() gives it back unchanged (only when it needs quoting).
    static QString quote(const QString &word);
    // Words joined with quote(): a command line a person can copy into a shell.
    static QString join(const QStringList &words);
};

} // namespace retort
