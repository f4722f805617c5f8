// Names of the identity store's enumerations.
#include "store/identity_store.hpp"

namespace rapport::store {

std::string_view to_string(TokenScope scope) {
  return scope == TokenScope::kRead ? "read" : "read-write";
}

core::Result<TokenScope> parse_token_scope(std::string_view text) {
  if (text == "read") return TokenScope::kRead;
  if (text == "read-write") return TokenScope::kReadWrite;
  return core::Error::field("scope", "must be read or read-write");
}

std::string_view to_string(AttemptKind kind) {
  return kind == AttemptKind::kAccount ? "account" : "address";
}

}  // namespace rapport::store
