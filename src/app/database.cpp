// Opening the database named by --database. SQLite: the customer store owns the file's
// connections and the identity store and audit share its writer, so one transaction covers a
// record and its audit entry. PostgreSQL: PgDatabase's pool, one pooled connection per
// transaction shared by the customer and identity statements, likewise.
#include "app/database.hpp"

#include <filesystem>
#include <system_error>

#include "store/postgres/pg_customer_store.hpp"
#include "store/postgres/pg_database.hpp"
#include "store/postgres/pg_transaction.hpp"
#include "store/sqlite/sqlite_customer_store.hpp"
#include "store/sqlite/sqlite_identity_store.hpp"

namespace rapport::app {
namespace {

class SqliteUnitOfWork final : public services::UnitOfWork {
 public:
  explicit SqliteUnitOfWork(store::sqlite::SqliteDatabase& db) : db_(db) {}
  core::Status write(const WriteWork& work) override {
    return db_.write([&](store::sqlite::SqliteConnection& conn) {
      store::sqlite::SqliteCustomerTx customers(conn);
      store::sqlite::SqliteIdentityTx identity(conn);
      return work(customers, identity);
    });
  }
  core::Status read(const ReadWork& work) override {
    return db_.read([&](store::sqlite::SqliteConnection& conn) {
      store::sqlite::SqliteCustomerTx customers(conn);
      return work(customers);
    });
  }
  core::Status read_history(const HistoryWork& work) override {
    return db_.read([&](store::sqlite::SqliteConnection& conn) {
      store::sqlite::SqliteCustomerTx customers(conn);
      store::sqlite::SqliteIdentityTx identity(conn);
      return work(customers, identity);
    });
  }
  core::Status purge_erased() override { return db_.checkpoint(); }

 private:
  store::sqlite::SqliteDatabase& db_;
};

class SqliteBackedDatabase final : public Database {
 public:
  SqliteBackedDatabase(std::unique_ptr<store::sqlite::SqliteCustomerStore> store, int version)
      : store_(std::move(store)),
        identity_(store_->database()),
        records_(store_->database()),
        version_(version) {}
  store::IdentityStore& identity() override { return identity_; }
  services::UnitOfWork& records() override { return records_; }
  int schema_version() const override { return version_; }
  std::string_view engine() const override { return "sqlite"; }
  std::vector<http::Sample> pool_samples() override {
    const auto s = store_->database().reader_stats();
    return {{"rapport_db_pool_size", "Reader connections open.", double(s.readers)},
            {"rapport_db_pool_in_use", "Connections lent to a unit of work now.", double(s.in_use)},
            {"rapport_db_pool_waiting", "Units of work waiting for a connection now.",
             double(s.waiting)}};
  }
  core::Status compact(std::ostream& report) override {
    RAPPORT_TRY(store_->compact());
    report << "rapport: full-text indexes merged, database file rebuilt (VACUUM) and the WAL "
              "checkpointed into it\n";
    return core::ok_status();
  }

 private:
  std::unique_ptr<store::sqlite::SqliteCustomerStore> store_;
  store::sqlite::SqliteIdentityStore identity_;
  SqliteUnitOfWork records_;
  int version_;
};

class PgUnitOfWork final : public services::UnitOfWork {
 public:
  explicit PgUnitOfWork(store::postgres::PgPool& pool) : pool_(pool) {}
  core::Status write(const WriteWork& work) override {
    return store::postgres::transact(pool_, [&](store::postgres::PgConnection& conn) {
      store::postgres::PgCustomerTx customers(conn);
      store::postgres::PgIdentityTx identity(conn);
      return work(customers, identity);
    });
  }
  core::Status read(const ReadWork& work) override {
    return read_history(
        [&](store::CustomerTx& customers, store::IdentityTx&) { return work(customers); });
  }
  core::Status read_history(const HistoryWork& work) override {
    return store::postgres::transact(
        pool_,
        [&](store::postgres::PgConnection& conn) {
          store::postgres::PgCustomerTx customers(conn);
          store::postgres::PgIdentityTx identity(conn);
          return work(customers, identity);
        },
        store::postgres::TxAccess::kRead);
  }
  core::Status purge_erased() override { return store::postgres::vacuum_erased(pool_); }

 private:
  store::postgres::PgPool& pool_;
};

class PostgresBackedDatabase final : public Database {
 public:
  explicit PostgresBackedDatabase(std::unique_ptr<store::postgres::PgDatabase> db)
      : db_(std::move(db)), records_(db_->pool()) {}
  store::IdentityStore& identity() override { return db_->identity(); }
  services::UnitOfWork& records() override { return records_; }
  int schema_version() const override { return db_->schema_version(); }
  std::string_view engine() const override { return "postgresql"; }
  std::vector<http::Sample> pool_samples() override {
    using Type = http::Sample::Type;
    const auto s = db_->pool().stats();
    return {{"rapport_db_pool_size", "The most connections the pool opens.", double(s.size)},
            {"rapport_db_pool_open", "Connections open.", double(s.open)},
            {"rapport_db_pool_in_use", "Connections lent to a unit of work now.", double(s.in_use)},
            {"rapport_db_pool_waiting", "Units of work waiting for a connection now.",
             double(s.waiting)},
            {"rapport_db_pool_waits_total", "Acquisitions that found every connection lent out.",
             double(s.waits), Type::kCounter},
            {"rapport_db_pool_timeouts_total",
             "Acquisitions that gave up waiting (answered 503).", double(s.timeouts),
             Type::kCounter}};
  }
  core::Status compact(std::ostream& report) override {
    RAPPORT_ASSIGN_OR_RETURN(auto done, store::postgres::compact_erased(db_->pool()));
    report << "rapport: tables holding personal data rewritten (VACUUM FULL, ANALYZE)\n";
    if (done.checkpointed) {
      report << "rapport: checkpoint done\n";
    } else {
      report << "rapport: checkpoint skipped: the role is neither superuser nor a member of "
                "pg_checkpoint; the old files are emptied already and the new ones reach the "
                "disk at the server's next checkpoint\n";
    }
    return core::ok_status();
  }

 private:
  std::unique_ptr<store::postgres::PgDatabase> db_;
  PgUnitOfWork records_;
};

core::Status ensure_parent_directory(const std::string& path) {
  const auto parent = std::filesystem::path(path).parent_path();
  if (parent.empty()) return core::ok_status();
  std::error_code ec;
  std::filesystem::create_directories(parent, ec);
  if (ec) {
    return core::Error::unavailable("cannot create directory " + parent.string() + ": " +
                                    ec.message());
  }
  return core::ok_status();
}

core::Result<std::unique_ptr<Database>> open_sqlite(const std::string& path, SchemaMode mode) {
  RAPPORT_TRY(ensure_parent_directory(path));
  RAPPORT_ASSIGN_OR_RETURN(auto store, store::sqlite::SqliteCustomerStore::open(path));
  int version = 0;
  if (mode == SchemaMode::kMigrate) {
    RAPPORT_ASSIGN_OR_RETURN(version, store->migrate());
  } else {
    RAPPORT_ASSIGN_OR_RETURN(version, store->schema_version());
    if (version != store->latest_schema_version()) {
      return core::Error::conflict("the database schema is at version " + std::to_string(version) +
                                   ", this binary needs " +
                                   std::to_string(store->latest_schema_version()));
    }
  }
  return std::unique_ptr<Database>(
      std::make_unique<SqliteBackedDatabase>(std::move(store), version));
}

core::Result<std::unique_ptr<Database>> open_postgres(const std::string& url, SchemaMode mode) {
  store::postgres::PgDatabaseOptions options;
  options.migrate = mode == SchemaMode::kMigrate;
  RAPPORT_ASSIGN_OR_RETURN(auto db, store::postgres::PgDatabase::open(url, options));
  return std::unique_ptr<Database>(std::make_unique<PostgresBackedDatabase>(std::move(db)));
}

}  // namespace

bool is_postgres_location(std::string_view location) {
  return location.starts_with("postgresql://") || location.starts_with("postgres://");
}

core::Result<std::unique_ptr<Database>> open_database(const std::string& location, SchemaMode mode,
                                                      Presence presence) {
  if (location.empty()) return core::Error::field("--database", "must not be empty");
  if (is_postgres_location(location)) return open_postgres(location, mode);
  if (presence == Presence::kMustExist && !std::filesystem::exists(location)) {
    return core::Error::not_found("no database at " + location +
                                  " (rapport migrate, serve or user add creates one)");
  }
  return open_sqlite(location, mode);
}

}  // namespace rapport::app
