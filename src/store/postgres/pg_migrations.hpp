// The PostgreSQL schema migrations (migrations/NNNN_name.sql, embedded at build time) and the
// runner that applies them: one transaction each, under an advisory lock, recorded in
// schema_version.
#pragma once

#include <span>
#include <string_view>

#include "core/result.hpp"
#include "store/postgres/pg_connection.hpp"

namespace rapport::store::postgres {

struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;
};

// Every migration this binary knows, in version order (defined by the generated file).
std::span<const Migration> embedded_migrations();

// The newest schema version this binary knows.
int latest_schema_version();

// The version recorded in the connected schema, 0 when it has never been migrated.
core::Result<int> schema_version(PgConnection& conn);

// Brings the schema on `conn` up to latest_schema_version(). Holds a session advisory lock while
// it works, so processes starting together apply each migration once. Returns the version now
// in place; kConflict (changing nothing) when the database is newer than this binary; the first
// failing migration's error otherwise, with earlier migrations kept.
core::Result<int> migrate(PgConnection& conn);

}  // namespace rapport::store::postgres
