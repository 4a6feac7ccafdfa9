#pragma once

#include "graph/Revision.h"

#include <QtGlobal>

namespace retort {

// A loop over thousands of revisions would wait on memory at every one: each string is an
// allocation of its own, made by whichever thread parsed its file. Called at step k of a loop
// that ends before `end`, prefetchAhead starts loading, without waiting, the strings of later
// steps (at(j) is the revision of step j): the id, message and lists of step k + 8, and the down
// revisions of step k + 4, whose list is in cache by then.
template <typename At>
void prefetchAhead(qsizetype k, qsizetype end, At at)
{
    constexpr qsizetype ListsAhead = 8;
    constexpr qsizetype StringsAhead = 4;
    if (k + ListsAhead < end) {
        const Revision &ahead = at(k + ListsAhead);
        __builtin_prefetch(ahead.id.constData());
        __builtin_prefetch(ahead.message.constData());
        __builtin_prefetch(ahead.downRevisions.constData());
        __builtin_prefetch(ahead.dependsOn.constData());
    }
    if (k + StringsAhead < end) {
        for (const QString &down : at(k + StringsAhead).downRevisions)
            __builtin_prefetch(down.constData());
    }
}

} // namespace retort
