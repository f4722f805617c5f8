// The database a `rapport` command works on, opened from its --database value: a SQLite file
// (the default; its directory is created) or a postgresql:// URL, with the stores that share it.
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "http/metrics.hpp"
#include "services/unit_of_work.hpp"
#include "store/identity_store.hpp"

namespace rapport::app {

enum class SchemaMode {
  kMigrate,  // apply pending migrations (serve, migrate, user, token)
  kCheck,    // only refuse a schema that differs from this binary's
};

class Database {
 public:
  virtual ~Database() = default;
  virtual store::IdentityStore& identity() = 0;
  // Customer records with their audit entries; kUnavailable from every call on an engine
  // whose customer store this build lacks.
  virtual services::UnitOfWork& records() = 0;
  // The schema version in place after opening.
  virtual int schema_version() const = 0;
  // "sqlite" or "postgresql".
  virtual std::string_view engine() const = 0;
  // The connection pool's figures for /metrics: connections lent out and requests waiting for
  // one (SQLite: the reader connections; PostgreSQL: the pool).
  virtual std::vector<http::Sample> pool_samples() = 0;
  // `rapport compact`: rewrites what holds personal data so that no database file keeps the bytes
  // of an erased record (docs/storage.md), and writes one line per step to `report`, naming any
  // step the engine's role may not take.
  virtual core::Status compact(std::ostream& report) = 0;
};

// Whether opening may create a SQLite file that is not there yet: commands that only read or act
// on existing accounts must not leave an empty database behind a mistyped path.
enum class Presence {
  kCreate,     // serve, migrate, demo, user add
  kMustExist,  // user list/passwd/deactivate/unlock, token …
};

// Whether `location` names a PostgreSQL database (postgresql:// or postgres:// URL).
bool is_postgres_location(std::string_view location);

// Opens the database at `location` and brings its schema to this binary's (or checks it).
// Errors: kNotFound naming the path when the SQLite file is missing and `presence` is
// kMustExist; kUnavailable when it cannot be opened or reached; kConflict when its schema is
// newer than this binary (it is left untouched); a migration's error otherwise.
core::Result<std::unique_ptr<Database>> open_database(const std::string& location, SchemaMode mode,
                                                      Presence presence = Presence::kCreate);

}  // namespace rapport::app
