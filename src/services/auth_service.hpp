// Authentication: login with e-mail and password (throttled, audited) into a session; resolving a
// request's caller from a session cookie or a bearer API token; logout; changing one's password.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "core/user.hpp"
#include "services/caller.hpp"
#include "services/login_throttle.hpp"
#include "services/password.hpp"
#include "services/session_service.hpp"
#include "store/identity_store.hpp"

namespace rapport::services {

// How a sign-in attempt ended, for the sign-in metrics. kThrottled: refused unchecked after too
// many failures (the per-address request budget's refusals are counted as rate-limit refusals
// instead).
enum class LoginOutcome { kSuccess, kWrongPassword, kLocked, kDeactivated, kThrottled };
inline constexpr std::size_t kLoginOutcomes = 5;

// What AuthService::login tells its caller besides the result: the outcome, and how long to wait
// when it was kThrottled.
struct LoginReport {
  LoginOutcome outcome = LoginOutcome::kWrongPassword;
  std::chrono::seconds retry_after{0};
};

struct LoginResult {
  core::User user;
  OpenedSession session;
};

class AuthService {
 public:
  AuthService(store::IdentityStore& store, const PasswordHasher& hasher, Clock clock,
              LoginThrottles throttles = {}, SessionPolicy sessions = {});

  // A new session for the account with this e-mail and password. Errors: kRateLimited (with how
  // long to wait) while this account from this client address, or this address across accounts,
  // must wait after repeated failures; how it ended (and the wait) also goes to `*report`;
  // kUnauthenticated for a wrong e-mail or password, or a
  // locked or deactivated account (the same message for unknown e-mail and wrong password).
  // Every success and failure is audited. Failures only ever delay attempts from the address
  // they came from, for a time that ends on its own: nothing locks the account, and its sessions
  // and API tokens keep working. A stored hash with outdated parameters is replaced.
  core::Result<LoginResult> login(std::string_view email, std::string_view password,
                                  std::string_view client_address, LoginReport* report = nullptr);

  // The caller a session cookie stands for; kUnauthenticated when it is missing, expired or its
  // user can no longer sign in.
  core::Result<Caller> authenticate_session(std::string_view cookie_value,
                                            std::string_view client_address);

  // The caller an `Authorization` header value ("Bearer rpt_…") stands for; kUnauthenticated
  // when the token is malformed, unknown, revoked or expired, or its user can no longer sign in.
  // Records the token's last use.
  core::Result<Caller> authenticate_bearer(std::string_view authorization,
                                           std::string_view client_address);

  // Ends the session (audited); ok when there is none.
  core::Status logout(std::string_view cookie_value, std::string_view client_address);

  // ok when `password` is the caller's current password; kUnauthenticated when it is not (or the
  // caller has no account). For acts that a session alone must not allow.
  core::Status confirm_password(const Caller& caller, std::string_view password);

  // Changes the caller's own password after checking the current one, then ends every session
  // of theirs (the caller signs in again) and revokes every API token of theirs: whoever may
  // have learnt the old password must not keep a credential made with it. kUnauthenticated on a
  // wrong current password, kInvalid when the new one breaks the policy.
  core::Status change_password(const Caller& caller, std::string_view current_password,
                               std::string_view new_password);

  // Deletes the sessions that have expired by now; returns how many.
  core::Result<std::int64_t> sweep_expired_sessions();

  const Sessions& sessions() const { return sessions_; }

 private:
  core::Result<Caller> caller_for(store::IdentityTx& tx, std::int64_t user_id,
                                  std::string_view client_address);

  store::IdentityStore& store_;
  const PasswordHasher& hasher_;
  Clock clock_;
  LoginThrottles throttles_;
  Sessions sessions_;
};

}  // namespace rapport::services
