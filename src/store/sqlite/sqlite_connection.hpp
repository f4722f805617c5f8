// One SQLite connection with its settings (WAL, foreign keys, busy timeout, synchronous=NORMAL)
// and a bounded cache of prepared statements, plus Statement, a borrowed cached statement.
//
// How another module adds its queries: call `conn.prepare("SELECT … WHERE x = ?1")` with a
// constant SQL text, bind values by position, step. The connection prepares each distinct text
// once and hands the same sqlite3_stmt out again (reset) on later calls, so write SQL as string
// constants, never by splicing input into the text. Tables come from migrations (see
// sqlite_migrations.hpp).
#pragma once

#include <sqlite3.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/result.hpp"
#include "store/sqlite/sqlite_search_rows.hpp"
#include "store/sqlite/sqlite_statement.hpp"

namespace rapport::store::sqlite {

// Distinct statement texts a connection keeps prepared.
inline constexpr std::size_t kMaxCachedStatements = 512;

class SqliteConnection {
 public:
  // Opens (creating when absent, unless read_only) the database at `path` and applies the
  // connection settings. Returns kUnavailable when the file cannot be opened, kInternal when a
  // setting is refused (e.g. WAL on a read-only medium).
  static core::Result<std::unique_ptr<SqliteConnection>> open(const std::string& path,
                                                              bool read_only);
  ~SqliteConnection();
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  // Runs one or more statements that take no parameters (DDL, BEGIN, COMMIT).
  core::Status exec(std::string_view script);
  // The cached statement for `sql` (prepared on first use); the error when it does not compile.
  core::Result<Statement> prepare(std::string_view sql);

  std::int64_t last_insert_rowid() const;
  int changes() const;  // rows changed by the last INSERT/UPDATE/DELETE
  sqlite3* handle() const { return db_; }
  // FTS5 rows this connection's open transaction writes at its end (see sqlite_search_rows.hpp).
  SearchRowQueue& search_rows() { return search_rows_; }

 private:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}
  sqlite3* db_;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
  SearchRowQueue search_rows_;
};

}  // namespace rapport::store::sqlite
