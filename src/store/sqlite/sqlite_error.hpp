// Maps SQLite result codes to core::Error values, so callers of the SQLite adapter see the same
// error kinds as with PostgreSQL.
#pragma once

#include <sqlite3.h>

#include <string_view>

#include "core/error.hpp"

namespace rapport::store::sqlite {

// The error for a failed call that returned `code` (an extended result code): constraint
// violations → kConflict, SQLITE_BUSY/LOCKED → kUnavailable, SQLITE_TOOBIG → kTooLarge,
// SQLITE_MISMATCH/RANGE → kInvalid, anything else → kInternal. The message holds SQLite's text
// and `context` (what was being done), never bound values.
core::Error error_from_code(int code, std::string_view context, sqlite3* db);

}  // namespace rapport::store::sqlite
