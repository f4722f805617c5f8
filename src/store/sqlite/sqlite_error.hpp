// Maps SQLite result codes to core::Error values, so callers of the SQLite adapter see the same
// error kinds as with PostgreSQL.
#pragma once

#include <sqlite3.h>

#include <string_view>

#include "core/error.hpp"
#include "store/fault_injection.hpp"

namespace rapport::store::sqlite {

// The error for a failed call that returned `code` (an extended result code): constraint
// violations → kConflict in words (store/constraint_errors.hpp), SQLITE_TOOBIG → kTooLarge and
// SQLITE_MISMATCH/RANGE → kInvalid with a plain sentence; SQLITE_BUSY/LOCKED → kUnavailable and
// anything else → kInternal with `context` (what was being done) and SQLite's text, for the log
// (the HTTP layer never shows a 5xx's message). Never bound values.
core::Error error_from_code(int code, std::string_view context, sqlite3* db);

// The error of a call the fault injection seam fails (store/fault_injection.hpp): the mapping
// above of the code SQLite gives for the real failure (SQLITE_BUSY, SQLITE_IOERR_WRITE).
core::Error injected_error(fault::Failure failure, std::string_view context);

}  // namespace rapport::store::sqlite
