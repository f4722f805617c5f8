// Authorisation of a caller against the role table.
#include "services/caller.hpp"

#include <string>

namespace rapport::services {

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
