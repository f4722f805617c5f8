// One line of the append-only audit log: who did what to which record, when, from where, and the
// field-level before/after values as JSON text.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rapport::core {

struct AuditEntry {
  std::int64_t id = 0;                   // assigned by the store; increases with time
  std::optional<std::int64_t> actor_id;  // unset for anonymous events (a failed login)
  std::string action;  // "create", "update", "delete", "login", "login_failed", "role_change", …
  std::string object_type;  // "contacts", "users", "sessions", …
  std::optional<std::int64_t> object_id;
  std::string changes_json = "{}";  // {"field": {"before": …, "after": …}, …}
  std::chrono::sys_seconds at{};
  std::string client_address;
  bool operator==(const AuditEntry&) const = default;
};

// One changed field. Values are plain text; unset means absent (JSON null).
struct FieldChange {
  std::string field;
  std::optional<std::string> before;
  std::optional<std::string> after;
};

// The changes as a JSON object {"field":{"before":…,"after":…}}, strings escaped per RFC 8259.
// Fields whose before and after are equal are left out.
std::string changes_to_json(const std::vector<FieldChange>& changes);

// `text` as a quoted JSON string literal.
std::string json_quote(std::string_view text);

// The changes text an audit entry keeps after the person it concerned was erased.
inline constexpr std::string_view kRedactedChanges = R"({"redacted":true})";

}  // namespace rapport::core
