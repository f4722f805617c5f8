// Binding, stepping and column access of a borrowed SQLite statement.
#include "store/sqlite/sqlite_statement.hpp"

#include <utility>

#include "store/sqlite/sqlite_error.hpp"

namespace rapport::store::sqlite {

Statement::Statement(Statement&& other) noexcept
    : stmt_(std::exchange(other.stmt_, nullptr)),
      db_(other.db_),
      owned_(other.owned_),
      bind_error_(other.bind_error_) {}

Statement::~Statement() {
  if (stmt_ == nullptr) return;
  if (owned_) {
    sqlite3_finalize(stmt_);
    return;
  }
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

void Statement::note(int rc) {
  if (rc != SQLITE_OK && bind_error_ == SQLITE_OK) bind_error_ = rc;
}

Statement& Statement::bind(int index, std::int64_t value) {
  note(sqlite3_bind_int64(stmt_, index, value));
  return *this;
}

Statement& Statement::bind(int index, double value) {
  note(sqlite3_bind_double(stmt_, index, value));
  return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
  note(
      sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
  return *this;
}

Statement& Statement::bind(int index, const std::optional<std::int64_t>& value) {
  return value ? bind(index, *value) : bind_null(index);
}

Statement& Statement::bind(int index, const std::optional<std::string>& value) {
  return value ? bind(index, std::string_view(*value)) : bind_null(index);
}

Statement& Statement::bind_null(int index) {
  note(sqlite3_bind_null(stmt_, index));
  return *this;
}

core::Result<bool> Statement::step() {
  if (bind_error_ != SQLITE_OK) return error_from_code(bind_error_, "bind", db_);
  fault::Failure failure{};
  if (fault::should_fail([&] { return std::string_view(sqlite3_sql(stmt_)); }, failure)) {
    return injected_error(failure, "step");
  }
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return error_from_code(sqlite3_extended_errcode(db_), "step", db_);
}

core::Status Statement::run() {
  for (;;) {
    RAPPORT_ASSIGN_OR_RETURN(bool row, step());
    if (!row) return {};
  }
}

bool Statement::is_null(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

std::int64_t Statement::int64_at(int column) const { return sqlite3_column_int64(stmt_, column); }

double Statement::double_at(int column) const { return sqlite3_column_double(stmt_, column); }

std::string Statement::text_at(int column) const {
  const auto* text = sqlite3_column_text(stmt_, column);
  if (text == nullptr) return {};
  return {reinterpret_cast<const char*>(text),
          static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))};
}

std::optional<std::int64_t> Statement::optional_int64_at(int column) const {
  if (is_null(column)) return std::nullopt;
  return int64_at(column);
}

std::optional<std::string> Statement::optional_text_at(int column) const {
  if (is_null(column)) return std::nullopt;
  return text_at(column);
}

}  // namespace rapport::store::sqlite
