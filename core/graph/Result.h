#pragma once

#include "graph/GraphError.h"

#include <utility>
#include <variant>

namespace retort {

// A value or the GraphError explaining why there is none (a small std::expected).
template<typename T>
class Result
{
public:
    Result(T value) : m_state(std::in_place_index<0>, std::move(value)) {}
    Result(GraphError error) : m_state(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_state.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<0>(m_state); }
    T &value() & { return std::get<0>(m_state); }
    T &&value() && { return std::get<0>(std::move(m_state)); }
    const T &operator*() const & { return value(); }
    const T *operator->() const { return &value(); }

    const GraphError &error() const { return std::get<1>(m_state); }

private:
    std::variant<T, GraphError> m_state;
};

} // namespace retort
