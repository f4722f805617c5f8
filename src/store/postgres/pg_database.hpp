// An opened PostgreSQL database: the connection pool, brought to this binary's schema on open,
// and the stores that share it. What store::open returns for a postgresql:// URL wraps this.
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "core/result.hpp"
#include "store/postgres/pg_identity_store.hpp"
#include "store/postgres/pg_pool.hpp"

namespace rapport::store::postgres {

struct PgDatabaseOptions {
  int pool_size = 8;
  std::chrono::milliseconds acquire_timeout{5000};
  bool migrate = true;  // false: only check that the schema is not newer than this binary
};

class PgDatabase {
 public:
  // Connects to `url` (postgresql://… or a libpq connection string) and applies pending
  // migrations. kUnavailable when the server cannot be reached; kConflict when the schema is
  // newer than this binary (or, with migrate = false, older); a migration's error otherwise.
  static core::Result<std::unique_ptr<PgDatabase>> open(const std::string& url,
                                                        const PgDatabaseOptions& options = {});

  PgPool& pool() { return *pool_; }
  IdentityStore& identity() { return identity_; }
  int schema_version() const { return schema_version_; }

 private:
  PgDatabase(std::unique_ptr<PgPool> pool, int version)
      : pool_(std::move(pool)), identity_(*pool_), schema_version_(version) {}

  std::unique_ptr<PgPool> pool_;
  PgIdentityStore identity_;
  int schema_version_;
};

}  // namespace rapport::store::postgres
