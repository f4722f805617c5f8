// The audit log as a use case: other services append to it inside their transactions; admins
// read it with filters and keyset paging.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/audit_entry.hpp"
#include "services/caller.hpp"
#include "store/identity_store.hpp"

namespace rapport::services {

// Appends one entry made by `actor` (unset for anonymous events) from `client_address` at `now`.
core::Status append_audit(store::IdentityTx& tx, std::optional<std::int64_t> actor,
                          std::string_view client_address, std::string_view action,
                          std::string_view object_type, std::optional<std::int64_t> object_id,
                          std::string changes_json, std::chrono::sys_seconds now);

struct AuditPage {
  std::vector<core::AuditEntry> items;
  std::optional<std::int64_t> next;  // pass as before_id for the next page; unset on the last
};

class AuditService {
 public:
  explicit AuditService(store::IdentityStore& store) : store_(store) {}

  // The entries matching `query`, newest first. Forbidden unless the caller may read the audit
  // log (admins); invalid when limit is outside 1..500 or the time range is empty.
  core::Result<AuditPage> list(const Caller& caller, store::AuditQuery query);

 private:
  store::IdentityStore& store_;
};

}  // namespace rapport::services
