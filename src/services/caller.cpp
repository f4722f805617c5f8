// Authorisation of a caller against the role table.
#include "services/caller.hpp"

#include <string>

namespace rapport::services {

namespace {

// No user row has id 0: ids start at 1 on both engines.
constexpr std::int64_t kConsoleUserId = 0;

}  // namespace

Caller console_caller() {
  return Caller{kConsoleUserId, core::Role::kAdmin, std::nullopt, false, "console"};
}

Caller caller_for(const core::User& user, std::string client_address) {
  return Caller{user.id, user.role, user.team_id, false, std::move(client_address)};
}

std::optional<std::int64_t> audit_actor(const Caller& caller) {
  if (caller.user_id == kConsoleUserId) return std::nullopt;
  return caller.user_id;
}

core::Result<core::Scope> authorize(const Caller& caller, core::ObjectType object,
                                    core::Action action) {
  if (caller.read_only_token && action != core::Action::kRead) {
    return core::Error::forbidden("this API token may only read");
  }
  const auto scope = core::allowed(caller.role, object, action);
  if (!scope) {
    return core::Error::forbidden("role " + std::string(core::to_string(caller.role)) +
                                  " may not " + std::string(core::to_string(action)) + " " +
                                  std::string(core::to_string(object)));
  }
  return *scope;
}

Clock system_clock() {
  return [] {
    return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  };
}

}  // namespace rapport::services
