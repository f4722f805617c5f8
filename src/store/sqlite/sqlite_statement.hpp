// Statement: a prepared SQLite statement borrowed from a connection's cache, with typed binding
// and column access. See sqlite_connection.hpp for how statements are obtained.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace rapport::store::sqlite {

// A prepared statement borrowed from a connection's cache; it is reset and its bindings cleared
// when the Statement goes away, ready for the next borrower. Bind positions start at 1, column
// positions at 0. Binding never fails by itself: a misuse is reported by the next step().
class Statement {
 public:
  // A statement of the connection's cache, reset when this is destroyed; with `owned`, one
  // outside the cache, finalized instead.
  Statement(sqlite3_stmt* stmt, sqlite3* db, bool owned = false)
      : stmt_(stmt), db_(db), owned_(owned) {}
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&&) = delete;
  Statement(const Statement&) = delete;
  ~Statement();

  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, double value);
  Statement& bind(int index, std::string_view value);  // copied by SQLite
  Statement& bind(int index, const std::string& value) {
    return bind(index, std::string_view(value));
  }
  Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
  Statement& bind(int index, const std::optional<std::int64_t>& value);
  Statement& bind(int index, const std::optional<std::string>& value);
  Statement& bind_null(int index);

  // Advances: true when a row is available, false when done; the error on failure.
  core::Result<bool> step();
  // Steps until done (for statements returning no rows); the error on failure.
  core::Status run();

  bool is_null(int column) const;
  std::int64_t int64_at(int column) const;
  double double_at(int column) const;
  std::string text_at(int column) const;  // "" for NULL
  std::optional<std::int64_t> optional_int64_at(int column) const;
  std::optional<std::string> optional_text_at(int column) const;

 private:
  void note(int rc);
  sqlite3_stmt* stmt_;
  sqlite3* db_;
  bool owned_;
  int bind_error_ = SQLITE_OK;
};

}  // namespace rapport::store::sqlite
