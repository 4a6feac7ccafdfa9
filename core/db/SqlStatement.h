#pragma once

#include <QString>

namespace retort {

// One statement of a script, as SqlSplitter cut it out: the text from its first token to its
// last (comments inside kept, the trailing semicolon and surrounding comments left out) and
// where it starts, so an error can name file:line.
struct SqlStatement
{
    QString text;
    int line = 0; // 1-based line of the first character (shifted by the firstLine given)
    int column = 0; // 1-based column of the first character, in UTF-16 code units
    int endLine = 0; // line of the last character
    qsizetype offset = 0; // index of the first character in the script

    friend bool operator==(const SqlStatement &, const SqlStatement &) = default;
};

} // namespace retort
