// Who is making a request: the authenticated user, their role and team, how they authenticated,
// and from where. Services authorise every call against it before touching data.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "core/result.hpp"
#include "core/role.hpp"
#include "core/user.hpp"

namespace rapport::services {

struct Caller {
  std::int64_t user_id = 0;
  core::Role role = core::Role::kReadOnly;
  std::optional<std::int64_t> team_id;
  bool read_only_token = false;  // authenticated with a token scoped to "read"
  std::string client_address;
};

// The operator at the server's console (`rapport user …`, `rapport token …`): an admin who is no
// user account, recorded in the audit log without an actor and with address "console".
Caller console_caller();

// The caller a signed-in user stands for.
Caller caller_for(const core::User& user, std::string client_address);

// The actor id the audit log records for `caller`; unset for the console.
std::optional<std::int64_t> audit_actor(const Caller& caller);

// The record scope within which `caller` may perform `action` on `object`, or a forbidden error.
// A read-scoped token may only read, whatever the role allows.
core::Result<core::Scope> authorize(const Caller& caller, core::ObjectType object,
                                    core::Action action);

// The time source of the identity services; tests pass a hand-driven one.
using Clock = std::function<std::chrono::sys_seconds()>;

// The system clock truncated to seconds.
Clock system_clock();

}  // namespace rapport::services
