// The SQLite schema migrations and the runner that applies them, each in its own transaction,
// recorded in the schema_version table.
//
// How another module adds its tables: put a file `migrations/NNNN_<module>.sql` beside the
// others with the next free number (e.g. 0002_identity.sql). CMake embeds every file of that
// directory into the binary (cmake/RapportEmbedSql.cmake), and migrate() applies the ones a
// database lacks, in order. Never edit a migration that has been committed; add a new one.
#pragma once

#include <span>
#include <string_view>

#include "core/result.hpp"
#include "store/sqlite/sqlite_connection.hpp"

namespace rapport::store::sqlite {

struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;
};

// Every migration this binary knows, in version order (defined by the generated file).
std::span<const Migration> embedded_migrations();

// The newest schema version this binary knows.
int latest_schema_version();

// The version recorded in the database, 0 when it has never been migrated.
core::Result<int> schema_version(SqliteConnection& conn);

// Brings the database on `conn` (a writable connection) up to latest_schema_version(); running it
// again changes nothing. Returns the version now in place; kConflict (changing nothing) when the
// database is newer than this binary; the first failing migration's error otherwise, with
// earlier migrations kept.
core::Result<int> migrate(SqliteConnection& conn);

}  // namespace rapport::store::sqlite
