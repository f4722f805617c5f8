// A domain failure as a value: what went wrong (a kind the transport maps to a status code), a
// message for people, and per-field details for validation failures.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rapport::core {

enum class ErrorKind {
  kInvalid,          // the input breaks a rule (400 / 422)
  kUnauthenticated,  // no valid credentials (401)
  kForbidden,        // the caller may not do this (403)
  kNotFound,         // no such record, or not visible to the caller (404)
  kConflict,         // violates uniqueness or current state (409)
  kStale,            // the caller's version is out of date (412)
  kTooLarge,         // input over a size limit (413)
  kRateLimited,      // too many attempts; retry later (429)
  kUnavailable,      // a dependency is down (503)
  kInternal,         // a broken invariant or I/O failure (500)
};

struct FieldError {
  std::string field;  // JSON pointer-ish path, e.g. "emails/1/address"
  std::string message;
  bool operator==(const FieldError&) const = default;
};

struct Error {
  ErrorKind kind = ErrorKind::kInternal;
  std::string message;
  std::vector<FieldError> fields;

  static Error invalid(std::string message, std::vector<FieldError> fields = {}) {
    return {ErrorKind::kInvalid, std::move(message), std::move(fields)};
  }
  static Error field(std::string field, std::string message) {
    std::string summary = field + ": " + message;
    return {ErrorKind::kInvalid, std::move(summary), {{std::move(field), std::move(message)}}};
  }
  static Error not_found(std::string message) { return {ErrorKind::kNotFound, std::move(message), {}}; }
  static Error forbidden(std::string message) { return {ErrorKind::kForbidden, std::move(message), {}}; }
  static Error unauthenticated(std::string message) {
    return {ErrorKind::kUnauthenticated, std::move(message), {}};
  }
  static Error conflict(std::string message) { return {ErrorKind::kConflict, std::move(message), {}}; }
  static Error stale(std::string message) { return {ErrorKind::kStale, std::move(message), {}}; }
  static Error too_large(std::string message) { return {ErrorKind::kTooLarge, std::move(message), {}}; }
  static Error rate_limited(std::string message) {
    return {ErrorKind::kRateLimited, std::move(message), {}};
  }
  static Error unavailable(std::string message) {
    return {ErrorKind::kUnavailable, std::move(message), {}};
  }
  static Error internal(std::string message) { return {ErrorKind::kInternal, std::move(message), {}}; }
};

// A short stable name for the kind ("invalid", "not_found", …), used in logs and problem types.
std::string_view to_string(ErrorKind kind);

}  // namespace rapport::core
