#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace retort {

// A value or the error explaining why there is none (a small std::expected, which C++20 lacks).
// Each layer names its own: Result<T> carries a GraphError, DbResult<T> a DbError and RunResult<T>,
// what commands return, a RunError.
template <typename T, typename E>
class Expected
{
public:
    Expected(T value)
        : m_state(std::in_place_index<0>, std::move(value))
    {
    }
    Expected(E error)
        : m_state(std::in_place_index<1>, std::move(error))
    {
    }

    bool ok() const { return m_state.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<0>(m_state); }
    T &value() & { return std::get<0>(m_state); }
    T &&value() && { return std::get<0>(std::move(m_state)); }
    const T &operator*() const & { return value(); }
    const T *operator->() const { return &value(); }
    T value_or(T fallback) const { return ok() ? value() : std::move(fallback); }

    const E &error() const { return std::get<1>(m_state); }
    // The error, or nullptr when there is a value: `if (const auto *error = result.failure())`.
    const E *failure() const { return std::get_if<1>(&m_state); }

private:
    std::variant<T, E> m_state;
};

// Nothing, or the error explaining why the work failed.
template <typename E>
class Expected<void, E>
{
public:
    Expected() = default;
    Expected(E error)
        : m_error(std::move(error))
    {
    }

    // No operator bool: `if (auto error = f())` read the other way round when helpers returned
    // an optional error, so call sites say .ok() and the compiler finds any left unconverted.
    bool ok() const { return !m_error.has_value(); }
    const E &error() const { return *m_error; }
    const E *failure() const { return m_error ? &*m_error : nullptr; }

private:
    std::optional<E> m_error;
};

// Why a file or process helper failed, in one sentence; the command that called it adds the error
// kind, the revision and the database.
struct Failure
{
    QString message;
    bool cancelled = false; // stopped on request, not by a fault
};

// What file and process helpers return: the value (or, for void, nothing) or the Failure.
template <typename T>
using Fallible = Expected<T, Failure>;

} // namespace retort
