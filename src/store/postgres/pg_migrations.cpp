// Applies the embedded PostgreSQL migrations in order, once each, safely under concurrency.
#include "store/postgres/pg_migrations.hpp"

#include <string>

#include "store/postgres/pg_transaction.hpp"

namespace rapport::store::postgres {

namespace {

// Any fixed 64-bit number shared by every Rapport process: the advisory lock's key.
constexpr std::int64_t kMigrationLockKey = 0x5261'7070'6f72'7401;  // "Rapport\x01"

constexpr std::string_view kVersionTable =
    "CREATE TABLE IF NOT EXISTS schema_version ("
    " version integer PRIMARY KEY,"
    " name text NOT NULL,"
    " applied_at timestamptz NOT NULL DEFAULT now())";

core::Status apply(PgConnection& conn, const Migration& migration) {
  RAPPORT_TRY(conn.exec_script("BEGIN"));
  auto applied = [&]() -> core::Status {
    RAPPORT_TRY(conn.exec_script(migration.sql));
    RAPPORT_TRY(conn.exec("INSERT INTO schema_version (version, name) VALUES ($1, $2)",
                          {migration.version, migration.name}));
    return detail::finish_transaction(conn, true);
  }();
  if (!applied.ok()) {
    (void)detail::finish_transaction(conn, false);
    core::Error error = std::move(applied).error();
    error.message = "migration " + std::to_string(migration.version) + " (" +
                    std::string(migration.name) + ") failed: " + error.message;
    return error;
  }
  return core::ok_status();
}

core::Result<int> migrate_locked(PgConnection& conn) {
  RAPPORT_TRY(conn.exec_script(kVersionTable));
  RAPPORT_ASSIGN_OR_RETURN(int current, schema_version(conn));
  int latest = latest_schema_version();
  if (current > latest) {
    return core::Error::conflict("database schema version " + std::to_string(current) +
                                 " is newer than this program's " + std::to_string(latest) +
                                 "; upgrade Rapport");
  }
  for (const Migration& migration : embedded_migrations()) {
    if (migration.version <= current) continue;
    RAPPORT_TRY(apply(conn, migration));
    current = migration.version;
  }
  return current;
}

}  // namespace

int latest_schema_version() {
  auto all = embedded_migrations();
  return all.empty() ? 0 : all.back().version;
}

core::Result<int> schema_version(PgConnection& conn) {
  RAPPORT_ASSIGN_OR_RETURN(PgResult exists,
                           conn.exec("SELECT to_regclass('schema_version') IS NOT NULL"));
  if (!exists.boolean(0, 0)) return 0;
  RAPPORT_ASSIGN_OR_RETURN(PgResult max,
                           conn.exec("SELECT coalesce(max(version), 0) FROM schema_version"));
  return static_cast<int>(max.int64(0, 0));
}

core::Result<int> migrate(PgConnection& conn) {
  RAPPORT_TRY(conn.exec("SELECT pg_advisory_lock($1)", {kMigrationLockKey}));
  core::Result<int> result = migrate_locked(conn);
  // If the connection broke, the server has released the lock with the session.
  (void)conn.exec("SELECT pg_advisory_unlock($1)", {kMigrationLockKey});
  return result;
}

}  // namespace rapport::store::postgres
