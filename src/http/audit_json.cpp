// Audit entries as JSON. The stored changes are JSON text the services wrote; they go out as an
// object, not as a string the client must parse again.
#include "http/audit_json.hpp"

#include "http/user_json.hpp"

namespace rapport::http {
namespace {

boost::json::value optional_id(const std::optional<std::int64_t>& id) {
  if (id) return boost::json::value(*id);
  return boost::json::value(nullptr);
}

// The stored changes as JSON; text that does not parse goes out as a string rather than be lost.
boost::json::value changes_of(const core::AuditEntry& entry) {
  boost::system::error_code ec;
  auto changes = boost::json::parse(entry.changes_json, ec);
  if (ec) return boost::json::value(entry.changes_json);
  return changes;
}

}  // namespace

boost::json::object audit_entry_to_json(const core::AuditEntry& entry) {
  boost::json::object o;
  o["id"] = entry.id;
  o["actor_id"] = optional_id(entry.actor_id);
  o["action"] = entry.action;
  o["object_type"] = entry.object_type;
  o["object_id"] = optional_id(entry.object_id);
  o["changes"] = changes_of(entry);
  o["at"] = format_seconds(entry.at);
  o["client_address"] = entry.client_address;
  return o;
}

boost::json::object audit_change_to_json(const core::AuditEntry& entry) {
  const bool redacted = entry.changes_json == core::kRedactedChanges;
  boost::json::object o;
  o["id"] = entry.id;
  o["actor_id"] = optional_id(entry.actor_id);
  o["action"] = entry.action;
  o["at"] = format_seconds(entry.at);
  o["redacted"] = redacted;
  if (redacted) {
    o["changes"] = nullptr;
  } else {
    o["changes"] = changes_of(entry);
  }
  return o;
}

}  // namespace rapport::http
