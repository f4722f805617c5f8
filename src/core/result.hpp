// Result<T>: a value or an Error, in place of C++23's std::expected (g++ 12 and clang 14 lack it).
// Status is Result<void>. Domain failures travel as these; exceptions are for broken invariants.
#pragma once

#include <cassert>
#include <optional>
#include <type_traits>
#include <utility>
#include <variant>

#include "core/error.hpp"

namespace rapport::core {

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit by design
  Result(Error error) : state_(std::in_place_index<1>, std::move(error)) {}  // NOLINT

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }

  // value() and the operators require ok(); error() requires !ok().
  T& value() & { return assert(ok()), std::get<0>(state_); }
  const T& value() const& { return assert(ok()), std::get<0>(state_); }
  T&& value() && { return assert(ok()), std::get<0>(std::move(state_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  const Error& error() const& { return assert(!ok()), std::get<1>(state_); }
  Error&& error() && { return assert(!ok()), std::get<1>(std::move(state_)); }

 private:
  std::variant<T, Error> state_;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)) {}  // NOLINT: implicit by design

  bool ok() const { return !error_.has_value(); }
  explicit operator bool() const { return ok(); }
  const Error& error() const& { return assert(!ok()), *error_; }
  Error&& error() && { return assert(!ok()), std::move(*error_); }

 private:
  std::optional<Error> error_;
};

using Status = Result<void>;

inline Status ok_status() { return {}; }

}  // namespace rapport::core

// Evaluates a Result-returning expression; returns its error from the enclosing function.
#define RAPPORT_TRY(expr)                                            \
  do {                                                               \
    if (auto rapport_try_result_ = (expr); !rapport_try_result_.ok()) \
      return std::move(rapport_try_result_).error();                 \
  } while (false)

#define RAPPORT_CONCAT_INNER_(a, b) a##b
#define RAPPORT_CONCAT_(a, b) RAPPORT_CONCAT_INNER_(a, b)
// Declares `lhs` from a Result's value, or returns its error from the enclosing function.
#define RAPPORT_ASSIGN_OR_RETURN(lhs, expr)                          \
  auto RAPPORT_CONCAT_(rapport_result_, __LINE__) = (expr);          \
  if (!RAPPORT_CONCAT_(rapport_result_, __LINE__).ok())              \
    return std::move(RAPPORT_CONCAT_(rapport_result_, __LINE__)).error(); \
  lhs = std::move(RAPPORT_CONCAT_(rapport_result_, __LINE__)).value()
