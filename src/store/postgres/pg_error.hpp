// Maps libpq failures (SQLSTATE codes, connection state) to core::Error values, so callers of the
// PostgreSQL adapter see the same error kinds as with SQLite.
#pragma once

#include <libpq-fe.h>

#include <string_view>

#include "core/error.hpp"
#include "store/fault_injection.hpp"

namespace rapport::store::postgres {

// True for SQLSTATEs after which the whole transaction may succeed when run again:
// serialization_failure (40001) and deadlock_detected (40P01).
bool is_retryable_sqlstate(std::string_view sqlstate);

// The error for a failed statement: 23505 unique and 23P01 exclusion → kConflict in words for
// `table` (store/constraint_errors.hpp), other integrity violations (23xxx) → kConflict,
// 40001/40P01 → kConflict (after retries), data exceptions (22xxx: bad encoding, NUL byte, out of
// range) → kInvalid, each with a plain sentence; connection or server shutdown classes (08, 53,
// 57) → kUnavailable, anything else → kInternal, these two with PostgreSQL's text for the log (the
// HTTP layer never shows a 5xx's message). `sqlstate` may be empty when the server never
// answered (connection loss): that is kUnavailable too.
core::Error error_from_sqlstate(std::string_view sqlstate, std::string_view message,
                                std::string_view table = {});

// The error for a finished result that is not PGRES_COMMAND_OK/TUPLES_OK, or for a null result
// (libpq returns null when it ran out of memory or lost the connection). Never crashes on null.
core::Error error_from_result(const PGresult* result, const PGconn* conn);

// What PostgreSQL reports for the real failure a call the fault injection seam fails stands for
// (store/fault_injection.hpp): disk_full (53100) or io_error (58030), with its primary message.
struct InjectedFailure {
  std::string_view sqlstate;
  std::string_view message;
};
InjectedFailure injected_failure(fault::Failure failure);

}  // namespace rapport::store::postgres
