#pragma once

#include "Problem.h"
#include "graph/Revision.h"

#include <optional>

namespace retort {

// What reading one revision file gave: the revision (absent when the file cannot define one)
// and the problems found on the way, which may exist alongside a usable revision.
struct RevisionReadResult
{
    std::optional<Revision> revision;
    Problems problems;
};

} // namespace retort
