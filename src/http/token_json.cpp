// API tokens as JSON.
#include "http/token_json.hpp"

#include "core/timestamp.hpp"
#include "http/json_input.hpp"
#include "http/user_json.hpp"

namespace rapport::http {
namespace {

boost::json::value optional_time(const std::optional<std::chrono::sys_seconds>& t) {
  if (t) return boost::json::value(format_seconds(*t));
  return boost::json::value(nullptr);
}

}  // namespace

boost::json::object token_to_json(const store::ApiTokenRecord& token) {
  boost::json::object o;
  o["id"] = token.id;
  o["user_id"] = token.user_id;
  o["name"] = token.name;
  o["scope"] = std::string(store::to_string(token.scope));
  o["created_at"] = format_seconds(token.created_at);
  o["expires_at"] = optional_time(token.expires_at);
  o["last_used_at"] = optional_time(token.last_used_at);
  o["revoked_at"] = optional_time(token.revoked_at);
  return o;
}

core::Result<TokenRequest> token_request_from_json(const boost::json::object& body) {
  ObjectReader reader(body);
  reader.allow_only({"name", "scope", "expires_at", "password"});
  TokenRequest request;
  request.name = reader.string("name", Need::kRequired).value_or("");
  request.password = reader.string("password", Need::kRequired).value_or("");
  if (auto scope = reader.string("scope", Need::kRequired)) {
    auto parsed = store::parse_token_scope(*scope);
    if (parsed.ok()) {
      request.scope = *parsed;
    } else {
      reader.fail("scope", "must be read or read-write");
    }
  }
  if (auto expires = reader.string("expires_at")) {
    auto parsed = core::parse_timestamp(*expires);
    if (parsed.ok()) {
      request.expires_at = std::chrono::floor<std::chrono::seconds>(*parsed);
    } else {
      reader.fail("expires_at", "must be an RFC 3339 time such as 2030-01-01T00:00:00Z");
    }
  }
  RAPPORT_TRY(reader.finish());
  return request;
}

}  // namespace rapport::http
