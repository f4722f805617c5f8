// The append-only audit log in PostgreSQL (the database itself refuses other changes: see the
// trigger in migrations/0002_identity.sql).
#include <string>

#include "store/postgres/pg_identity_store.hpp"
#include "store/postgres/pg_time.hpp"

namespace rapport::store::postgres {

namespace {

constexpr std::string_view kEntryColumns =
    "id, actor_id, action, object_type, object_id, changes, extract(epoch FROM at)::bigint,"
    " client_address";

// The rows of a SELECT of kEntryColumns, as audit entries in their order.
std::vector<core::AuditEntry> entries_of(const PgResult& rows) {
  std::vector<core::AuditEntry> entries;
  entries.reserve(rows.rows());
  for (int row = 0; row < rows.rows(); ++row) {
    core::AuditEntry entry;
    entry.id = rows.int64(row, 0);
    entry.actor_id = rows.optional_int64(row, 1);
    entry.action = rows.text(row, 2);
    entry.object_type = rows.text(row, 3);
    entry.object_id = rows.optional_int64(row, 4);
    entry.changes_json = rows.text(row, 5);
    entry.at = from_epoch(rows.int64(row, 6));
    entry.client_address = rows.text(row, 7);
    entries.push_back(std::move(entry));
  }
  return entries;
}

}  // namespace

core::Result<std::int64_t> PgIdentityTx::append_audit(const core::AuditEntry& entry) {
  RAPPORT_ASSIGN_OR_RETURN(
      PgResult rows,
      conn_.exec("INSERT INTO audit_log (actor_id, action, object_type, object_id, changes, at,"
                 " client_address) VALUES ($1, $2, $3, $4, $5, to_timestamp($6), $7)"
                 " RETURNING id",
                 {entry.actor_id, entry.action, entry.object_type, entry.object_id,
                  entry.changes_json, epoch(entry.at), entry.client_address}));
  return rows.int64(0, 0);
}

core::Result<std::vector<core::AuditEntry>> PgIdentityTx::list_audit(const AuditQuery& query) {
  // One prepared statement for every combination: an unset filter binds NULL and drops out.
  RAPPORT_ASSIGN_OR_RETURN(
      PgResult rows,
      conn_.exec("SELECT " + std::string(kEntryColumns) +
                     " FROM audit_log"
                     " WHERE ($1::bigint IS NULL OR actor_id = $1)"
                     " AND ($2::text IS NULL OR action = $2)"
                     " AND ($3::text IS NULL OR object_type = $3)"
                     " AND ($4::bigint IS NULL OR object_id = $4)"
                     " AND ($5::bigint IS NULL OR at >= to_timestamp($5))"
                     " AND ($6::bigint IS NULL OR at < to_timestamp($6))"
                     " AND ($7::bigint IS NULL OR id < $7)"
                     " ORDER BY id DESC LIMIT $8",
                 {query.actor_id, query.action, query.object_type, query.object_id,
                  epoch(query.from), epoch(query.to), query.before_id, query.limit}));
  return entries_of(rows);
}

core::Result<std::vector<core::AuditEntry>> PgIdentityTx::list_history(const HistoryQuery& query) {
  // The audit_log_object index finds the record's entries; they are few enough per record to be
  // ordered by time after that.
  std::string sql = "SELECT " + std::string(kEntryColumns) +
                    " FROM audit_log WHERE object_type = $1 AND object_id = $2 AND action <> $3";
  if (query.before_at) sql += " AND (at, id) < (to_timestamp($5), $6)";
  sql += " ORDER BY at DESC, id DESC LIMIT $4";
  RAPPORT_ASSIGN_OR_RETURN(
      PgResult rows, query.before_at
                         ? conn_.exec(sql, {query.object_type, query.object_id, query.except_action,
                                            query.limit, epoch(*query.before_at), query.before_id})
                         : conn_.exec(sql, {query.object_type, query.object_id, query.except_action,
                                            query.limit}));
  return entries_of(rows);
}

core::Status PgIdentityTx::redact_audit(std::string_view object_type, std::int64_t object_id) {
  RAPPORT_TRY(
      conn_.exec("UPDATE audit_log SET changes = $3 WHERE object_type = $1 AND object_id = $2"
                 " AND changes <> $3",
                 {object_type, object_id, core::kRedactedChanges}));
  return core::ok_status();
}

}  // namespace rapport::store::postgres
