// Users as JSON: id, email, display_name, role, team_id, active, locked, version, times; and the
// create and patch bodies, read strictly.
#include "http/user_json.hpp"

#include "core/timestamp.hpp"
#include "http/json_input.hpp"

namespace rapport::http {
namespace {

std::optional<core::Role> read_role(ObjectReader& reader, Need need) {
  auto text = reader.string("role", need);
  if (!text) return std::nullopt;
  auto role = core::parse_role(*text);
  if (!role.ok()) {
    reader.fail("role", "must be admin, manager, sales, support, marketing or read_only");
    return std::nullopt;
  }
  return *role;
}

std::optional<std::int64_t> read_team(ObjectReader& reader) {
  auto id = reader.integer("team_id");
  if (id && *id <= 0) {
    reader.fail("team_id", "must be a positive id");
    return std::nullopt;
  }
  return id;
}

}  // namespace

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
  const auto optional_text = [](const std::optional<std::string>& v) -> boost::json::value {
    if (v) return boost::json::string(*v);
    return nullptr;
  };
  o["language"] = optional_text(user.language);
  o["time_zone"] = optional_text(user.time_zone);
  o["version"] = user.version;
  o["created_at"] = format_seconds(user.created_at);
  o["updated_at"] = format_seconds(user.updated_at);
  return o;
}

core::Result<services::UserDraft> user_draft_from_json(const boost::json::object& body) {
  ObjectReader reader(body);
  reader.allow_only({"email", "display_name", "role", "team_id", "password"});
  services::UserDraft draft;
  draft.email = reader.string("email", Need::kRequired).value_or("");
  draft.display_name = reader.string("display_name", Need::kRequired).value_or("");
  draft.role = read_role(reader, Need::kRequired).value_or(core::Role::kReadOnly);
  draft.team_id = read_team(reader);
  draft.password = reader.string("password", Need::kRequired).value_or("");
  RAPPORT_TRY(reader.finish());
  return draft;
}

core::Result<services::UserPatch> user_patch_from_json(const boost::json::object& body) {
  ObjectReader reader(body);
  reader.allow_only({"display_name", "role", "team_id", "active"});
  // Only team_id can be cleared; a null anywhere else would otherwise pass as "no change".
  for (std::string_view key : {"display_name", "role", "active"}) {
    if (reader.is_null(key)) reader.fail(key, "cannot be null");
  }
  services::UserPatch patch;
  patch.display_name = reader.string("display_name");
  patch.role = read_role(reader, Need::kOptional);
  if (reader.is_null("team_id")) {
    patch.team_id = std::optional<std::int64_t>();
  } else if (auto team = read_team(reader)) {
    patch.team_id = team;
  }
  patch.active = reader.boolean("active");
  RAPPORT_TRY(reader.finish());
  return patch;
}

core::Result<services::PreferencesPatch> preferences_patch_from_json(
    const boost::json::object& body) {
  ObjectReader reader(body);
  reader.allow_only({"language", "time_zone"});
  services::PreferencesPatch patch;
  const auto read = [&](std::string_view key) -> std::optional<std::optional<std::string>> {
    if (reader.is_null(key)) return std::optional<std::string>();
    if (auto value = reader.string(key)) return std::optional<std::string>(std::move(value));
    return std::nullopt;
  };
  patch.language = read("language");
  patch.time_zone = read("time_zone");
  RAPPORT_TRY(reader.finish());
  return patch;
}

}  // namespace rapport::http
