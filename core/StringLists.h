#pragma once

#include <QStringList>

namespace retort {

// A copy in code-point order: heads and revision lists are compared and shown this way, so two
// reads of the same rows always compare equal whatever order the database returned them in.
inline QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

} // namespace retort
