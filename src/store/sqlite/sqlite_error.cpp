// SQLite result codes to error kinds, with SQLite's own text kept out of what clients see.
#include "store/sqlite/sqlite_error.hpp"

#include <string>

#include "store/constraint_errors.hpp"

namespace rapport::store::sqlite {

namespace {

// The table a unique constraint message names: "UNIQUE constraint failed: teams.name" → teams.
std::string_view unique_table(std::string_view text) {
  const auto colon = text.find(": ");
  if (colon == std::string_view::npos) return {};
  text.remove_prefix(colon + 2);
  return text.substr(0, text.find('.'));
}

}  // namespace

core::Error error_from_code(int code, std::string_view context, sqlite3* db) {
  // sqlite3_errmsg describes the most recent failure on `db`; errstr is the generic text.
  const std::string engine_text = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(code);
  switch (code & 0xff) {
    case SQLITE_CONSTRAINT:
      if (code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY) {
        return unique_violation(unique_table(engine_text));
      }
      return constraint_violation();
    case SQLITE_TOOBIG:
      return core::Error::too_large("a value is too large to store");
    case SQLITE_MISMATCH:
    case SQLITE_RANGE:
      return core::Error::invalid("a value does not fit where it is stored");
    default:
      break;
  }
  // Server errors: the text is logged, and the response says only that the server failed.
  std::string message(context);
  message += ": " + engine_text;
  switch (code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return core::Error::unavailable(std::move(message));
    default:
      return core::Error::internal(std::move(message));
  }
}

core::Error injected_error(fault::Failure failure, std::string_view context) {
  return error_from_code(
      failure == fault::Failure::kUnavailable ? SQLITE_BUSY : SQLITE_IOERR_WRITE, context, nullptr);
}

}  // namespace rapport::store::sqlite
