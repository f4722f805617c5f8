// Browser sessions: random ids stored hashed, a CSRF token derived per session, idle and absolute
// expiry, logout and revocation of all of a user's sessions.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "store/identity_store.hpp"

namespace rapport::services {

struct SessionPolicy {
  std::chrono::seconds idle{std::chrono::minutes(30)};        // unused this long: expired
  std::chrono::seconds absolute{std::chrono::hours(12)};      // older than this: expired
  std::chrono::seconds touch_every{std::chrono::minutes(1)};  // last-seen write granularity
};

struct OpenedSession {
  std::string cookie_value;  // the session secret; goes only into the Set-Cookie header
  std::string csrf_token;    // echoed by the client in a header on unsafe methods
  std::chrono::sys_seconds expires_at{};  // the absolute expiry, for the cookie's Max-Age
};

// Whether a session created at `created` and last seen at `last_seen` is still valid at `now`.
bool session_alive(std::chrono::sys_seconds created, std::chrono::sys_seconds last_seen,
                   std::chrono::sys_seconds now, const SessionPolicy& policy);

class Sessions {
 public:
  explicit Sessions(SessionPolicy policy = {}) : policy_(policy) {}

  const SessionPolicy& policy() const { return policy_; }

  // Creates a session for `user_id` inside `tx`.
  core::Result<OpenedSession> open(store::IdentityTx& tx, std::int64_t user_id,
                                   std::string_view client_address,
                                   std::chrono::sys_seconds now) const;

  // The live session `cookie_value` names, its last-seen time refreshed; an unauthenticated error
  // when the value is malformed, unknown or expired (an expired session is deleted).
  core::Result<store::SessionRecord> resolve(store::IdentityTx& tx, std::string_view cookie_value,
                                             std::chrono::sys_seconds now) const;

  // The live session `cookie_value` names when resolve() would change nothing (no last-seen
  // refresh or deletion due), for a read-only transaction; nullopt when resolve() is needed; an
  // unauthenticated error when the value is malformed or unknown.
  core::Result<std::optional<store::SessionRecord>> peek(store::IdentityTx& tx,
                                                         std::string_view cookie_value,
                                                         std::chrono::sys_seconds now) const;

  // Deletes the session `cookie_value` names; ok also when there is none.
  core::Status close(store::IdentityTx& tx, std::string_view cookie_value) const;

  // Deletes every session that is expired at `now`; returns how many. Expired sessions are
  // otherwise deleted only when presented, and most never are.
  core::Result<std::int64_t> sweep(store::IdentityTx& tx, std::chrono::sys_seconds now) const;

  // Whether `header_token` is the CSRF token of session `cookie_value` (constant-time).
  static bool csrf_matches(std::string_view cookie_value, std::string_view header_token);

 private:
  SessionPolicy policy_;
};

}  // namespace rapport::services
