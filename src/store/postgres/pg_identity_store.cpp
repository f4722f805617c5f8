// PgIdentityStore::transact and read, and the lookups shared by the identity statements.
#include "store/postgres/pg_identity_store.hpp"

#include <string>

#include "store/postgres/pg_transaction.hpp"

namespace rapport::store::postgres {

core::Status PgIdentityStore::transact(const std::function<core::Status(IdentityTx&)>& work) {
  return postgres::transact(pool_, [&](PgConnection& conn) {
    PgIdentityTx tx(conn);
    return work(tx);
  });
}

core::Status PgIdentityStore::read(const std::function<core::Status(IdentityTx&)>& work) {
  return postgres::transact(
      pool_,
      [&](PgConnection& conn) {
        PgIdentityTx tx(conn);
        return work(tx);
      },
      TxAccess::kRead);
}

core::Error PgIdentityTx::missing_or_stale(std::string_view table, std::int64_t id) {
  // `table` is one of this adapter's literal table names, never input.
  auto found = conn_.exec("SELECT 1 FROM " + std::string(table) + " WHERE id = $1", {id});
  if (!found.ok()) return std::move(found).error();
  if (found->rows() == 0) return core::Error::not_found(std::string(table) + " not found");
  return core::Error::stale(std::string(table) + " was changed by someone else");
}

}  // namespace rapport::store::postgres
