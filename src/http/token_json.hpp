// JSON form of a personal API token on the wire — never its hash; the secret only in the answer
// that creates it — and the fields a client sends to create one.
#pragma once

#include <boost/json.hpp>
#include <chrono>
#include <optional>
#include <string>

#include "core/result.hpp"
#include "store/identity_store.hpp"

namespace rapport::http {

// id, user_id, name, scope, created_at, expires_at, last_used_at, revoked_at.
boost::json::object token_to_json(const store::ApiTokenRecord& token);

struct TokenRequest {
  std::string name;
  store::TokenScope scope = store::TokenScope::kRead;
  std::optional<std::chrono::sys_seconds> expires_at;
  std::string password;  // the caller's current password, confirming it is them
};

// {name, scope: "read" | "read-write", expires_at?: RFC 3339, password}; kInvalid with every
// field error.
core::Result<TokenRequest> token_request_from_json(const boost::json::object& body);

}  // namespace rapport::http
