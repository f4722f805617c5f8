// Teams as JSON.
#include "http/team_json.hpp"

#include "http/json_input.hpp"
#include "http/user_json.hpp"

namespace rapport::http {

boost::json::object team_to_json(const core::Team& team) {
  boost::json::object o;
  o["id"] = team.id;
  o["name"] = team.name;
  o["version"] = team.version;
  o["created_at"] = format_seconds(team.created_at);
  o["updated_at"] = format_seconds(team.updated_at);
  return o;
}

core::Result<std::string> team_name_from_json(const boost::json::object& body) {
  ObjectReader reader(body);
  reader.allow_only({"name"});
  auto name = reader.string("name", Need::kRequired);
  RAPPORT_TRY(reader.finish());
  return std::move(*name);
}

}  // namespace rapport::http
