// SQLSTATE → core::Error mapping for the PostgreSQL adapter, with PostgreSQL's own text kept out
// of what clients see.
#include "store/postgres/pg_error.hpp"

#include <string>

#include "store/constraint_errors.hpp"

namespace rapport::store::postgres {

namespace {

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// libpq messages end in a newline and may span lines; callers log them on one line.
std::string trimmed(std::string_view message) {
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) {
    message.remove_suffix(1);
  }
  return std::string(message);
}

}  // namespace

bool is_retryable_sqlstate(std::string_view sqlstate) {
  return sqlstate == "40001" || sqlstate == "40P01";
}

core::Error error_from_sqlstate(std::string_view sqlstate, std::string_view message,
                                std::string_view table) {
  std::string text = trimmed(message);
  if (sqlstate.empty() || starts_with(sqlstate, "08") || starts_with(sqlstate, "53") ||
      starts_with(sqlstate, "57")) {
    return core::Error::unavailable("database unavailable: " + text);
  }
  if (sqlstate == "23505" || sqlstate == "23P01") return unique_violation(table);
  if (starts_with(sqlstate, "23")) return constraint_violation();
  if (is_retryable_sqlstate(sqlstate)) {
    return core::Error::conflict("the data changed meanwhile; try again");
  }
  if (starts_with(sqlstate, "22")) {
    return core::Error::invalid("a value cannot be stored (a NUL character, or out of range)");
  }
  return core::Error::internal("database error " + std::string(sqlstate) + ": " + text);
}

core::Error error_from_result(const PGresult* result, const PGconn* conn) {
  if (result == nullptr) {
    std::string_view message = conn != nullptr ? PQerrorMessage(conn) : "no connection";
    return error_from_sqlstate("", message);
  }
  const char* state = PQresultErrorField(result, PG_DIAG_SQLSTATE);
  // The primary message only: the DETAIL line repeats bound values ("Key (email)=(…)"), which
  // must not reach logs.
  const char* primary = PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY);
  std::string_view message = primary != nullptr ? primary : PQresultErrorMessage(result);
  if (message.empty() && conn != nullptr) message = PQerrorMessage(conn);
  const char* table = PQresultErrorField(result, PG_DIAG_TABLE_NAME);
  return error_from_sqlstate(state != nullptr ? state : "", message, table != nullptr ? table : "");
}

InjectedFailure injected_failure(fault::Failure failure) {
  if (failure == fault::Failure::kUnavailable) {
    return {"53100", "could not extend file: No space left on device"};
  }
  return {"58030", "could not read block 0 in file: Input/output error"};
}

}  // namespace rapport::store::postgres
