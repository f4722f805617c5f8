// Appending to and reading the audit log.
#include "services/audit_service.hpp"

#include "core/list_query.hpp"

namespace rapport::services {

core::Status append_audit(store::IdentityTx& tx, std::optional<std::int64_t> actor,
                          std::string_view client_address, std::string_view action,
                          std::string_view object_type, std::optional<std::int64_t> object_id,
                          std::string changes_json, std::chrono::sys_seconds now) {
  core::AuditEntry e;
  e.actor_id = actor;
  e.action = action;
  e.object_type = object_type;
  e.object_id = object_id;
  e.changes_json = std::move(changes_json);
  e.at = now;
  e.client_address = client_address;
  RAPPORT_TRY(tx.append_audit(e));
  return core::ok_status();
}

core::Result<AuditPage> AuditService::list(const Caller& caller, store::AuditQuery query) {
  if (query.limit < 1 || query.limit > core::kMaxPageSize) {
    return core::Error::field("limit", "must be between 1 and 500");
  }
  if (query.from && query.to && *query.to <= *query.from) {
    return core::Error::field("to", "must be after from");
  }
  AuditPage page;
  RAPPORT_TRY(store_.transact([&](store::IdentityTx& tx) -> core::Status {
    RAPPORT_TRY(authorize(caller, core::ObjectType::kAudit, core::Action::kRead));
    // One extra row tells whether another page follows.
    store::AuditQuery probe = query;
    probe.limit = query.limit + 1;
    RAPPORT_ASSIGN_OR_RETURN(page.items, tx.list_audit(probe));
    return core::ok_status();
  }));
  if (static_cast<int>(page.items.size()) > query.limit) {
    page.items.resize(static_cast<std::size_t>(query.limit));
    page.next = page.items.back().id;
  }
  return page;
}

}  // namespace rapport::services
