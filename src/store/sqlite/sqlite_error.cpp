// SQLite result codes to error kinds.
#include "store/sqlite/sqlite_error.hpp"

#include <string>

namespace rapport::store::sqlite {

core::Error error_from_code(int code, std::string_view context, sqlite3* db) {
  std::string message(context);
  message += ": ";
  // sqlite3_errmsg describes the most recent failure on `db`; errstr is the generic text.
  message += db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(code);
  switch (code & 0xff) {
    case SQLITE_CONSTRAINT:
      return core::Error::conflict(std::move(message));
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return core::Error::unavailable(std::move(message));
    case SQLITE_TOOBIG:
      return core::Error::too_large(std::move(message));
    case SQLITE_MISMATCH:
    case SQLITE_RANGE:
      return core::Error::invalid(std::move(message));
    default:
      return core::Error::internal(std::move(message));
  }
}

}  // namespace rapport::store::sqlite
