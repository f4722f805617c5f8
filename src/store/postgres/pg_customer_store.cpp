// PgCustomerStore: transactions, read snapshots and the schema entry points.
#include "store/postgres/pg_customer_store.hpp"

#include "store/list_planner.hpp"
#include "store/postgres/pg_migrations.hpp"
#include "store/postgres/pg_transaction.hpp"

namespace rapport::store::postgres {

core::Result<int> PgCustomerStore::migrate() {
  RAPPORT_ASSIGN_OR_RETURN(PgLease lease, pool_.acquire());
  return postgres::migrate(*lease);
}

core::Result<int> PgCustomerStore::schema_version() {
  RAPPORT_ASSIGN_OR_RETURN(PgLease lease, pool_.acquire());
  return postgres::schema_version(*lease);
}

int PgCustomerStore::latest_schema_version() const { return postgres::latest_schema_version(); }

core::Status PgCustomerStore::transact(const std::function<core::Status(CustomerTx&)>& work) {
  return postgres::transact(pool_, [&](PgConnection& conn) {
    PgCustomerTx tx(conn);
    return work(tx);
  });
}

core::Status PgCustomerStore::read(const std::function<core::Status(CustomerTx&)>& work) {
  return postgres::transact(
      pool_,
      [&](PgConnection& conn) {
        PgCustomerTx tx(conn);
        return work(tx);
      },
      TxAccess::kRead);
}

namespace {
// Every table that holds personal data or rows derived from it (the audit log's redacted entries
// included): each kind's table and derived tables, then the tables all kinds share.
std::string personal_tables() {
  std::string out;
  for (core::RecordKind kind : core::kRecordKinds) {
    const KindTables& t = kind_tables(kind);
    for (const std::string& table : {t.records, t.tags, t.custom, t.search, t.grams, t.places}) {
      if (!table.empty()) out += table + ", ";
    }
  }
  return out + "record_links, notes, audit_log";
}
// insufficient_privilege: CHECKPOINT needs superuser or pg_checkpoint (PostgreSQL 15).
constexpr std::string_view kInsufficientPrivilege = "42501";
}  // namespace

core::Status vacuum_erased(PgPool& pool) {
  RAPPORT_ASSIGN_OR_RETURN(PgLease lease, pool.acquire());
  RAPPORT_TRY(lease->exec_script("VACUUM " + personal_tables()));
  return core::ok_status();
}

core::Result<PgCompaction> compact_erased(PgPool& pool) {
  RAPPORT_ASSIGN_OR_RETURN(PgLease lease, pool.acquire());
  // FULL writes each table, its indexes and its TOAST table into new files and empties the old
  // ones at commit; ANALYZE replaces the statistics sampled from the old rows.
  RAPPORT_TRY(lease->exec_script("VACUUM (FULL, ANALYZE) " + personal_tables()));
  PgCompaction done;
  auto checkpoint = lease->exec_script("CHECKPOINT");
  if (checkpoint.ok()) {
    done.checkpointed = true;
  } else if (lease->last_sqlstate() != kInsufficientPrivilege) {
    return checkpoint.error();
  }
  return done;
}

core::Result<std::unique_ptr<CustomerStore>> open_customer_store(const std::string& url) {
  RAPPORT_ASSIGN_OR_RETURN(std::unique_ptr<PgPool> pool, PgPool::create({url}));
  return std::unique_ptr<CustomerStore>(new PgCustomerStore(std::move(pool)));
}

}  // namespace rapport::store::postgres
