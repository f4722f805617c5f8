// SqliteIdentityTx: the append-only audit log (append, filtered keyset listing, redaction).
#include <string>

#include "store/sqlite/sqlite_identity_store.hpp"
#include "store/sqlite/sqlite_time.hpp"

namespace rapport::store::sqlite {

namespace {

constexpr std::string_view kEntryColumns =
    "id, actor_id, action, object_type, object_id, changes, at, client_address";

// Every row `s` gives, as audit entries in the order they come.
core::Result<std::vector<core::AuditEntry>> read_entries(Statement& s) {
  std::vector<core::AuditEntry> entries;
  for (;;) {
    RAPPORT_ASSIGN_OR_RETURN(bool row, s.step());
    if (!row) return entries;
    entries.push_back(core::AuditEntry{s.int64_at(0), s.optional_int64_at(1), s.text_at(2),
                                       s.text_at(3), s.optional_int64_at(4), s.text_at(5),
                                       time_at(s, 6), s.text_at(7)});
  }
}

}  // namespace

core::Result<std::int64_t> SqliteIdentityTx::append_audit(const core::AuditEntry& entry) {
  RAPPORT_ASSIGN_OR_RETURN(
      Statement s,
      conn_.prepare("INSERT INTO audit_log (actor_id, action, object_type, object_id, changes, "
                    "at, client_address) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id"));
  s.bind(1, entry.actor_id).bind(2, std::string_view(entry.action));
  s.bind(3, std::string_view(entry.object_type)).bind(4, entry.object_id);
  s.bind(5, std::string_view(entry.changes_json)).bind(6, to_epoch(entry.at));
  s.bind(7, std::string_view(entry.client_address));
  RAPPORT_ASSIGN_OR_RETURN(bool row, s.step());
  if (!row) return core::Error::internal("INSERT … RETURNING gave no row");
  const std::int64_t id = s.int64_at(0);
  RAPPORT_TRY(s.run());
  return id;
}

core::Result<std::vector<core::AuditEntry>> SqliteIdentityTx::list_audit(const AuditQuery& q) {
  // Every filter is a fixed clause whose parameter is NULL when unused, so the statement text
  // never depends on input.
  RAPPORT_ASSIGN_OR_RETURN(
      Statement s,
      conn_.prepare("SELECT " + std::string(kEntryColumns) +
                    " FROM audit_log WHERE (?1 IS NULL OR actor_id = ?1) "
                    "AND (?2 IS NULL OR action = ?2) AND (?3 IS NULL OR object_type = ?3) "
                    "AND (?4 IS NULL OR object_id = ?4) AND (?5 IS NULL OR at >= ?5) "
                    "AND (?6 IS NULL OR at < ?6) AND (?7 IS NULL OR id < ?7) "
                    "ORDER BY id DESC LIMIT ?8"));
  s.bind(1, q.actor_id).bind(2, q.action).bind(3, q.object_type).bind(4, q.object_id);
  s.bind(5, to_epoch(q.from)).bind(6, to_epoch(q.to)).bind(7, q.before_id);
  s.bind(8, std::int64_t{q.limit});
  return read_entries(s);
}

core::Result<std::vector<core::AuditEntry>> SqliteIdentityTx::list_history(const HistoryQuery& q) {
  // The audit_log_object index finds the record's entries; they are few enough per record to be
  // ordered by time after that.
  std::string sql = "SELECT " + std::string(kEntryColumns) +
                    " FROM audit_log WHERE object_type = ?1 AND object_id = ?2 AND action <> ?3";
  if (q.before_at) sql += " AND (at < ?5 OR (at = ?5 AND id < ?6))";
  sql += " ORDER BY at DESC, id DESC LIMIT ?4";
  RAPPORT_ASSIGN_OR_RETURN(Statement s, conn_.prepare(sql));
  s.bind(1, std::string_view(q.object_type)).bind(2, q.object_id);
  s.bind(3, std::string_view(q.except_action)).bind(4, std::int64_t{q.limit});
  if (q.before_at) s.bind(5, to_epoch(*q.before_at)).bind(6, q.before_id);
  return read_entries(s);
}

core::Status SqliteIdentityTx::redact_audit(std::string_view object_type, std::int64_t object_id) {
  RAPPORT_ASSIGN_OR_RETURN(Statement s, conn_.prepare("UPDATE audit_log SET changes = ?1 "
                                                      "WHERE object_type = ?2 AND object_id = ?3"));
  return s.bind(1, core::kRedactedChanges).bind(2, object_type).bind(3, object_id).run();
}

}  // namespace rapport::store::sqlite
