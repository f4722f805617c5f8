// Opening a PostgreSQL database: pool, schema check and migration.
#include "store/postgres/pg_database.hpp"

#include "store/postgres/pg_migrations.hpp"

namespace rapport::store::postgres {

core::Result<std::unique_ptr<PgDatabase>> PgDatabase::open(const std::string& url,
                                                           const PgDatabaseOptions& options) {
  RAPPORT_ASSIGN_OR_RETURN(std::unique_ptr<PgPool> pool,
                           PgPool::create({url, options.pool_size, options.acquire_timeout}));
  int version = 0;
  {
    RAPPORT_ASSIGN_OR_RETURN(PgLease lease, pool->acquire());
    if (options.migrate) {
      RAPPORT_ASSIGN_OR_RETURN(version, migrate(*lease));
    } else {
      RAPPORT_ASSIGN_OR_RETURN(version, postgres::schema_version(*lease));
      if (version != latest_schema_version()) {
        return core::Error::conflict("database schema version " + std::to_string(version) +
                                     " does not match this program's " +
                                     std::to_string(latest_schema_version()) +
                                     "; run rapport migrate");
      }
    }
  }
  return std::unique_ptr<PgDatabase>(new PgDatabase(std::move(pool), version));
}

}  // namespace rapport::store::postgres
