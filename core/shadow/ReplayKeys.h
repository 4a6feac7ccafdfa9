#pragma once

#include "graph/RevisionMap.h"

#include <QString>

#include <vector>

namespace retort {

// The order replay walks and the cache key of each revision's schema.
class ReplayKeys
{
public:
    // Parents (down_revision and depends_on) before children, in load order among equals;
    // only the members (a vector of size map.size()). Members in a cycle are left out.
    static RevIndexes parentsFirst(const RevisionMap &map, const std::vector<char> &members);

    // Merkle keys, indexed by revision: sha256 of the script's checksum and the sorted keys of
    // its down revisions and dependencies, so an edited script changes its own key and its
    // descendants' and nothing else. Empty for a revision whose file cannot be read (or a
    // parent's key is empty): never cached. `order` must be parents first.
    static std::vector<QString> compute(const RevisionMap &map, const RevIndexes &order);
};

} // namespace retort
