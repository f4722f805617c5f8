// store::open: picks the engine from the URL.
#include <filesystem>

#include "store/postgres/pg_customer_store.hpp"
#include "store/sqlite/sqlite_customer_store.hpp"
#include "store/store.hpp"

namespace rapport::store {

core::Result<std::unique_ptr<CustomerStore>> open(const std::string& url) {
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    return postgres::open_customer_store(url);
  }
  std::string path = url.starts_with("sqlite:") ? url.substr(7) : url;
  if (path.empty()) return core::Error::invalid("the database path is empty");
  std::filesystem::path parent = std::filesystem::path(path).parent_path();
  std::error_code ec;
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  if (ec) {
    return core::Error::unavailable("cannot create the directory " + parent.string() + ": " +
                                    ec.message());
  }
  RAPPORT_ASSIGN_OR_RETURN(auto sqlite_store, sqlite::SqliteCustomerStore::open(path));
  return std::unique_ptr<CustomerStore>(std::move(sqlite_store));
}

}  // namespace rapport::store
