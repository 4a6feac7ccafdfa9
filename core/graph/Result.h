#pragma once

#include "Expected.h"
#include "graph/GraphError.h"

namespace retort {

// A value or the GraphError explaining why there is none.
template <typename T>
using Result = Expected<T, GraphError>;

} // namespace retort
