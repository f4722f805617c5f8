// Session creation, lookup with expiry, logout and CSRF checks.
#include "services/session_service.hpp"

#include "services/secret.hpp"

namespace rapport::services {

bool session_alive(std::chrono::sys_seconds created, std::chrono::sys_seconds last_seen,
                   std::chrono::sys_seconds now, const SessionPolicy& policy) {
  return now - created < policy.absolute && now - last_seen < policy.idle;
}

core::Result<OpenedSession> Sessions::open(store::IdentityTx& tx, std::int64_t user_id,
                                           std::string_view client_address,
                                           std::chrono::sys_seconds now) const {
  const Secret secret = generate_secret(kSessionPrefix);
  RAPPORT_TRY(tx.insert_session({secret.hash, user_id, now, now, std::string(client_address)}));
  return OpenedSession{secret.text, csrf_token_for(secret.text), now + policy_.absolute};
}

core::Result<store::SessionRecord> Sessions::resolve(store::IdentityTx& tx,
                                                     std::string_view cookie_value,
                                                     std::chrono::sys_seconds now) const {
  const auto unauthenticated = core::Error::unauthenticated("no valid session");
  if (!has_secret_shape(cookie_value, kSessionPrefix)) return unauthenticated;
  const std::string hash = hash_secret(cookie_value);
  RAPPORT_ASSIGN_OR_RETURN(auto found, tx.find_session(hash));
  if (!found) return unauthenticated;
  if (!session_alive(found->created_at, found->last_seen_at, now, policy_)) {
    RAPPORT_TRY(tx.delete_session(hash));
    return unauthenticated;
  }
  // Writing on every request would serialise readers on SQLite; a minute's precision is enough
  // for a 30-minute idle limit.
  if (now - found->last_seen_at >= policy_.touch_every) {
    RAPPORT_TRY(tx.touch_session(hash, now));
    found->last_seen_at = now;
  }
  return *found;
}

core::Result<std::optional<store::SessionRecord>> Sessions::peek(
    store::IdentityTx& tx, std::string_view cookie_value, std::chrono::sys_seconds now) const {
  if (!has_secret_shape(cookie_value, kSessionPrefix)) {
    return core::Error::unauthenticated("no valid session");
  }
  RAPPORT_ASSIGN_OR_RETURN(auto found, tx.find_session(hash_secret(cookie_value)));
  if (!found) return core::Error::unauthenticated("no valid session");
  if (!session_alive(found->created_at, found->last_seen_at, now, policy_) ||
      now - found->last_seen_at >= policy_.touch_every) {
    return std::optional<store::SessionRecord>();
  }
  return found;
}

core::Status Sessions::close(store::IdentityTx& tx, std::string_view cookie_value) const {
  if (!has_secret_shape(cookie_value, kSessionPrefix)) return core::ok_status();
  return tx.delete_session(hash_secret(cookie_value));
}

core::Result<std::int64_t> Sessions::sweep(store::IdentityTx& tx,
                                           std::chrono::sys_seconds now) const {
  // session_alive's limits are strict, so a session exactly at either limit is expired.
  return tx.delete_expired_sessions(now - policy_.absolute, now - policy_.idle);
}

bool Sessions::csrf_matches(std::string_view cookie_value, std::string_view header_token) {
  if (!has_secret_shape(cookie_value, kSessionPrefix)) return false;
  return secrets_equal(csrf_token_for(cookie_value), header_token);
}

}  // namespace rapport::services
