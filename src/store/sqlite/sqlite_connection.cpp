// SQLite connection settings, the statement cache and the Statement wrapper.
#include "store/sqlite/sqlite_connection.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <utility>

#include "store/sqlite/sqlite_error.hpp"

namespace rapport::store::sqlite {

namespace {

// Waits this long for another process's write lock before reporting kUnavailable.
constexpr int kBusyTimeoutMs = 5000;

// The database holds every customer's personal data, yet SQLite creates a new file readable by
// everyone (0644 under the usual umask), and its -wal and -shm files with the main file's mode.
// Creating the file empty and owner-only first (an empty file is a new database to SQLite) keeps
// all three private, without changing the process-wide umask under other threads. A failure here
// is left for sqlite3_open_v2 to report.
void create_owner_only(const std::string& path) {
  if (path.empty() || path == ":memory:" || path.starts_with("file:")) return;
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd >= 0) ::close(fd);
}

}  // namespace

core::Result<std::unique_ptr<SqliteConnection>> SqliteConnection::open(const std::string& path,
                                                                       bool read_only) {
  sqlite3* db = nullptr;
  // NOMUTEX: a connection is used by one thread at a time (the pool guarantees it).
  int flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI |
              (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  if (!read_only) create_owner_only(path);
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    core::Error error = core::Error::unavailable("cannot open SQLite database " + path + ": " +
                                                 (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)));
    sqlite3_close(db);
    return error;
  }
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  std::unique_ptr<SqliteConnection> conn(new SqliteConnection(db));
  if (!read_only) RAPPORT_TRY(conn->exec("PRAGMA journal_mode=WAL"));
  // secure_delete: deleted rows are overwritten with zeros instead of left in free space, so an
  // erased person's data leaves the file (set here, not left to how SQLite was compiled).
  RAPPORT_TRY(
      conn->exec("PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL; PRAGMA secure_delete=ON"));
  return conn;
}

SqliteConnection::~SqliteConnection() {
  for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
  sqlite3_close(db_);
}

core::Status SqliteConnection::exec(std::string_view script) {
  fault::Failure failure{};
  if (fault::should_fail([&] { return script; }, failure)) return injected_error(failure, "exec");
  std::string text(script);
  char* message = nullptr;
  int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message);
  sqlite3_free(message);
  if (rc != SQLITE_OK) return error_from_code(sqlite3_extended_errcode(db_), "exec", db_);
  return {};
}

core::Result<Statement> SqliteConnection::prepare(std::string_view sql) {
  fault::Failure failure{};
  if (fault::should_fail([&] { return sql; }, failure)) return injected_error(failure, "prepare");
  std::string key(sql);
  auto found = cache_.find(key);
  if (found != cache_.end()) return Statement(found->second, db_);
  // List queries vary with their filters, so the distinct texts are many; past the bound a
  // statement is prepared for one use and finalized after it, keeping the memory bounded.
  const bool cached = cache_.size() < kMaxCachedStatements;
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v3(db_, key.data(), static_cast<int>(key.size()),
                              cached ? SQLITE_PREPARE_PERSISTENT : 0, &stmt, nullptr);
  if (rc != SQLITE_OK) return error_from_code(rc, "prepare", db_);
  if (!cached) return Statement(stmt, db_, true);
  cache_.emplace(std::move(key), stmt);
  return Statement(stmt, db_);
}

std::int64_t SqliteConnection::last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }

int SqliteConnection::changes() const { return sqlite3_changes(db_); }

}  // namespace rapport::store::sqlite
