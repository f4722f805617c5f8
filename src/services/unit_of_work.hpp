// Transactions that span the customer store and the identity store of one database, so that a
// record change and its audit entry commit together or not at all. The app implements it per
// engine (both stores on one connection).
#pragma once

#include <functional>

#include "core/result.hpp"
#include "store/identity_store.hpp"
#include "store/store.hpp"

namespace rapport::services {

class UnitOfWork {
 public:
  using WriteWork = std::function<core::Status(store::CustomerTx&, store::IdentityTx&)>;
  using ReadWork = std::function<core::Status(store::CustomerTx&)>;
  using HistoryWork = std::function<core::Status(store::CustomerTx&, store::IdentityTx&)>;

  virtual ~UnitOfWork() = default;
  // Runs `work` in one write transaction: committed when it returns ok, rolled back (its error
  // returned) otherwise.
  virtual core::Status write(const WriteWork& work) = 0;
  // Runs read-only `work` on one consistent snapshot.
  virtual core::Status read(const ReadWork& work) = 0;
  // Runs read-only `work` that also reads the audit log (a record's history), on one consistent
  // snapshot of both stores.
  virtual core::Status read_history(const HistoryWork& work) = 0;
  // After a committed erase: removes what the deleted rows left in the database files (SQLite:
  // checkpoints and truncates the WAL; PostgreSQL: vacuums the dead tuples).
  virtual core::Status purge_erased() = 0;
};

}  // namespace rapport::services
