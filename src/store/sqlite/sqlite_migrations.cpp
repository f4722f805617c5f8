// Applies the embedded SQLite migrations in order, one transaction each.
#include "store/sqlite/sqlite_migrations.hpp"

#include <string>

namespace rapport::store::sqlite {

namespace {

constexpr std::string_view kCreateVersionTable =
    "CREATE TABLE IF NOT EXISTS schema_version ("
    " version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
    " applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))";

core::Status apply_in_transaction(SqliteConnection& conn, const Migration& migration) {
  // IMMEDIATE takes the write lock first, so two processes starting together serialise here
  // and the second sees the first's version row.
  RAPPORT_TRY(conn.exec("BEGIN IMMEDIATE"));
  auto applied = [&]() -> core::Result<bool> {
    RAPPORT_ASSIGN_OR_RETURN(Statement check,
                             conn.prepare("SELECT 1 FROM schema_version WHERE version = ?1"));
    RAPPORT_ASSIGN_OR_RETURN(bool present, check.bind(1, std::int64_t{migration.version}).step());
    if (present) return false;
    RAPPORT_TRY(conn.exec(migration.sql));
    // Foreign keys are off while a migration runs (see apply); what it left must still hold.
    RAPPORT_ASSIGN_OR_RETURN(Statement dangling, conn.prepare("PRAGMA foreign_key_check"));
    RAPPORT_ASSIGN_OR_RETURN(bool broken, dangling.step());
    if (broken) {
      return core::Error::internal("a row of " + dangling.text_at(0) +
                                   " refers to a missing row of " + dangling.text_at(2));
    }
    RAPPORT_ASSIGN_OR_RETURN(
        Statement record,
        conn.prepare("INSERT INTO schema_version(version, name) VALUES (?1, ?2)"));
    RAPPORT_TRY(record.bind(1, std::int64_t{migration.version}).bind(2, migration.name).run());
    return true;
  }();
  if (!applied.ok()) {
    (void)conn.exec("ROLLBACK");
    core::Error error = std::move(applied).error();
    error.message = "migration " + std::to_string(migration.version) + " (" +
                    std::string(migration.name) + "): " + error.message;
    return error;
  }
  return conn.exec("COMMIT");
}

// A migration that rebuilds a table (create the new one, copy, drop the old, rename) must run
// with foreign keys off: with them on, dropping the old table deletes the rows that refer to it
// (ON DELETE CASCADE). The pragma is a no-op inside a transaction, so it is set around it.
core::Status apply(SqliteConnection& conn, const Migration& migration) {
  RAPPORT_TRY(conn.exec("PRAGMA foreign_keys=OFF"));
  core::Status status = apply_in_transaction(conn, migration);
  core::Status restored = conn.exec("PRAGMA foreign_keys=ON");
  return status.ok() ? restored : status;
}

}  // namespace

int latest_schema_version() {
  auto all = embedded_migrations();
  return all.empty() ? 0 : all.back().version;
}

core::Result<int> schema_version(SqliteConnection& conn) {
  RAPPORT_ASSIGN_OR_RETURN(
      Statement exists,
      conn.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"));
  RAPPORT_ASSIGN_OR_RETURN(bool has_table, exists.step());
  if (!has_table) return 0;
  RAPPORT_ASSIGN_OR_RETURN(Statement max,
                           conn.prepare("SELECT coalesce(max(version), 0) FROM schema_version"));
  RAPPORT_ASSIGN_OR_RETURN(bool row, max.step());
  return row ? static_cast<int>(max.int64_at(0)) : 0;
}

core::Result<int> migrate(SqliteConnection& conn) {
  RAPPORT_TRY(conn.exec(kCreateVersionTable));
  RAPPORT_ASSIGN_OR_RETURN(int current, schema_version(conn));
  if (current > latest_schema_version()) {
    return core::Error::conflict(
        "database schema version " + std::to_string(current) + " is newer than this program's " +
        std::to_string(latest_schema_version()) + "; upgrade Rapport before using this database");
  }
  for (const Migration& migration : embedded_migrations()) {
    if (migration.version <= current) continue;
    RAPPORT_TRY(apply(conn, migration));
  }
  return schema_version(conn);
}

}  // namespace rapport::store::sqlite
