// Users as JSON: id, email, display_name, role, team_id, active, locked, version, times.
#include "http/user_json.hpp"

#include "core/timestamp.hpp"

namespace rapport::http {

std::string format_seconds(std::chrono::sys_seconds t) {
  return core::format_timestamp(std::chrono::time_point_cast<std::chrono::milliseconds>(t));
}

boost::json::object user_to_json(const core::User& user) {
  boost::json::object o;
  o["id"] = user.id;
  o["email"] = user.email;
  o["display_name"] = user.display_name;
  o["role"] = std::string(core::to_string(user.role));
  if (user.team_id) {
    o["team_id"] = *user.team_id;
  } else {
    o["team_id"] = nullptr;
  }
  o["active"] = user.active;
  o["locked"] = user.locked;
  o["version"] = user.version;
  o["created_at"] = format_seconds(user.created_at);
  o["updated_at"] = format_seconds(user.updated_at);
  return o;
}

}  // namespace rapport::http
