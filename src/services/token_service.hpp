// Personal API tokens: a user creates (the secret is returned once and stored only hashed), lists
// and revokes their own; admins may list and revoke anyone's. Creation and revocation are audited.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "services/caller.hpp"
#include "store/identity_store.hpp"

namespace rapport::services {

struct CreatedToken {
  store::ApiTokenRecord record;  // as stored; token_hash is not for display
  std::string secret;            // "rpt_…": show it once, never store or log it
};

inline constexpr std::size_t kMaxTokenNameBytes = 100;

class TokenService {
 public:
  TokenService(store::IdentityStore& store, Clock clock)
      : store_(store), clock_(std::move(clock)) {}

  // A new token of the caller's. Invalid for an empty or overlong name or an expiry not in the
  // future; forbidden through a read-only token and for the console (a token needs a user: the
  // command line acts as caller_for(user)).
  core::Result<CreatedToken> create(const Caller& caller, std::string_view name,
                                    store::TokenScope scope,
                                    std::optional<std::chrono::sys_seconds> expires_at);

  // The tokens of `user_id` (the caller's own unless set); forbidden for another user's unless
  // the caller's role reaches all tokens.
  core::Result<std::vector<store::ApiTokenRecord>> list(const Caller& caller,
                                                        std::optional<std::int64_t> user_id);

  // Revokes a token; not found when it does not exist or is outside the caller's scope.
  core::Status revoke(const Caller& caller, std::int64_t token_id);

 private:
  store::IdentityStore& store_;
  Clock clock_;
};

}  // namespace rapport::services
