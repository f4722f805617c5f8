// Login, request authentication, logout and password change.
#include "services/auth_service.hpp"

#include <algorithm>
#include <optional>

#include "core/audit_entry.hpp"
#include "core/email.hpp"
#include "services/audit_service.hpp"
#include "services/secret.hpp"

namespace rapport::services {
namespace {

using store::AttemptKind;
using store::AttemptRow;

constexpr std::string_view kBadLogin = "wrong e-mail or password";

AttemptState to_state(const AttemptRow& r) { return {r.failures, r.last_failure}; }
AttemptRow to_row(const AttemptState& s) { return {s.failures, s.last_failure}; }

bool can_sign_in(const core::User& u) { return u.active && !u.locked; }

bool ascii_iequals(std::string_view a, std::string_view b) {
  const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [&](char x, char y) { return lower(x) == lower(y); });
}

}  // namespace

AuthService::AuthService(store::IdentityStore& store, const PasswordHasher& hasher, Clock clock,
                         LoginThrottles throttles, SessionPolicy sessions)
    : store_(store),
      hasher_(hasher),
      clock_(std::move(clock)),
      throttles_(throttles),
      sessions_(sessions) {}

core::Result<LoginResult> AuthService::login(std::string_view email_text, std::string_view password,
                                             std::string_view client_address, LoginReport* report) {
  LoginReport ignored;
  if (report == nullptr) report = &ignored;
  const auto now = clock_();
  // An implausible e-mail is just a wrong login; it is still counted against the address.
  auto normalized = core::normalize_email(email_text);
  const std::string email = normalized.ok() ? *normalized : std::string();
  const std::string address(client_address);

  // Failures are counted for this account from this address, and for this address across
  // accounts; never for the account alone, so that another address's failures never delay its
  // owner.
  const std::string account_key = store::account_attempt_key(email, address);

  // Phase 1, read only: throttling and the stored hash.
  std::optional<store::UserCredentials> account;
  std::optional<std::chrono::sys_seconds> wait_until;
  RAPPORT_TRY(store_.read([&](store::IdentityTx& tx) -> core::Status {
    RAPPORT_ASSIGN_OR_RETURN(AttemptRow by_address,
                             tx.get_attempts(AttemptKind::kAddress, address));
    auto until = next_attempt_at(to_state(by_address), throttles_.address);
    if (!email.empty()) {
      RAPPORT_ASSIGN_OR_RETURN(AttemptRow by_account,
                               tx.get_attempts(AttemptKind::kAccount, account_key));
      until = std::max(until, next_attempt_at(to_state(by_account), throttles_.account_at_address));
      RAPPORT_ASSIGN_OR_RETURN(account, tx.find_user_by_email(email));
    }
    if (until > now) wait_until = until;
    return core::ok_status();
  }));
  if (wait_until) {
    const std::chrono::seconds wait = *wait_until - now;
    *report = {LoginOutcome::kThrottled, wait};
    return core::Error::rate_limited("too many failed logins from this address; retry in " +
                                     std::to_string(wait.count()) + " s");
  }

  // Phase 2, outside any transaction: argon2id takes a while and must not hold a write lock. A
  // hash made with outdated parameters is replaced while the password is at hand.
  bool password_ok = false;
  if (account) {
    password_ok = hasher_.verify(account->password_hash, password);
  } else {
    hasher_.verify_nothing(password);
  }
  const bool success = password_ok && can_sign_in(account->user);
  std::optional<std::string> rehashed;
  if (success && hasher_.needs_rehash(account->password_hash)) {
    RAPPORT_ASSIGN_OR_RETURN(rehashed, hasher_.hash(password));
  }

  // Phase 3: record the outcome.
  std::optional<LoginResult> result;
  RAPPORT_TRY(store_.transact([&](store::IdentityTx& tx) -> core::Status {
    const std::optional<std::int64_t> user_id =
        account ? std::optional(account->user.id) : std::nullopt;
    if (success) {
      RAPPORT_TRY(tx.clear_attempts(AttemptKind::kAccount, account_key));
      RAPPORT_TRY(tx.clear_attempts(AttemptKind::kAddress, address));
      if (rehashed) RAPPORT_TRY(tx.set_password_hash(account->user.id, *rehashed, now));
      RAPPORT_ASSIGN_OR_RETURN(OpenedSession session,
                               sessions_.open(tx, account->user.id, address, now));
      RAPPORT_TRY(append_audit(tx, user_id, address, "login", "users", user_id, "{}", now));
      result = LoginResult{account->user, std::move(session)};
      return core::ok_status();
    }
    RAPPORT_ASSIGN_OR_RETURN(AttemptRow by_address,
                             tx.get_attempts(AttemptKind::kAddress, address));
    RAPPORT_TRY(
        tx.put_attempts(AttemptKind::kAddress, address,
                        to_row(after_failure(to_state(by_address), now, throttles_.address))));
    std::string reason = !account                ? "unknown_account"
                         : !password_ok          ? "wrong_password"
                         : !account->user.active ? "inactive"
                                                 : "locked";
    if (!email.empty()) {
      RAPPORT_ASSIGN_OR_RETURN(AttemptRow by_account,
                               tx.get_attempts(AttemptKind::kAccount, account_key));
      RAPPORT_TRY(tx.put_attempts(
          AttemptKind::kAccount, account_key,
          to_row(after_failure(to_state(by_account), now, throttles_.account_at_address))));
    }
    // The attempted e-mail is recorded (it is not a secret); the password never is.
    const std::string changes =
        "{\"email\":" + core::json_quote(email) + ",\"reason\":" + core::json_quote(reason) + "}";
    return append_audit(tx, std::nullopt, address, "login_failed", "users", user_id, changes, now);
  }));
  if (!result) {
    if (password_ok && account && !can_sign_in(account->user)) {
      report->outcome = account->user.active ? LoginOutcome::kLocked : LoginOutcome::kDeactivated;
      return core::Error::unauthenticated(account->user.active ? "this account is locked"
                                                               : "this account is deactivated");
    }
    report->outcome = LoginOutcome::kWrongPassword;
    return core::Error::unauthenticated(std::string(kBadLogin));
  }
  report->outcome = LoginOutcome::kSuccess;
  return std::move(*result);
}

core::Result<Caller> AuthService::caller_for(store::IdentityTx& tx, std::int64_t user_id,
                                             std::string_view client_address) {
  RAPPORT_ASSIGN_OR_RETURN(auto user, tx.find_user(user_id));
  if (!user || !can_sign_in(*user)) return core::Error::unauthenticated("account cannot sign in");
  return services::caller_for(*user, std::string(client_address));
}

core::Result<Caller> AuthService::authenticate_session(std::string_view cookie_value,
                                                       std::string_view client_address) {
  const auto now = clock_();
  std::optional<core::Result<Caller>> outcome;
  // Most requests change nothing: they are answered from a read-only snapshot, so that they do
  // not queue for SQLite's single writer.
  RAPPORT_TRY(store_.read([&](store::IdentityTx& tx) -> core::Status {
    auto session = sessions_.peek(tx, cookie_value, now);
    if (!session.ok()) {
      outcome = std::move(session).error();
    } else if (*session) {
      outcome = caller_for(tx, (*session)->user_id, client_address);
    }
    return core::ok_status();
  }));
  if (outcome) return std::move(*outcome);
  // The work returns ok even when authentication fails so that deleting an expired session
  // commits.
  RAPPORT_TRY(store_.transact([&](store::IdentityTx& tx) -> core::Status {
    auto session = sessions_.resolve(tx, cookie_value, now);
    if (!session.ok()) {
      outcome = std::move(session).error();
      return core::ok_status();
    }
    outcome = caller_for(tx, session->user_id, client_address);
    return core::ok_status();
  }));
  return std::move(*outcome);
}

core::Result<Caller> AuthService::authenticate_bearer(std::string_view authorization,
                                                      std::string_view client_address) {
  constexpr std::string_view kScheme = "Bearer ";
  const auto now = clock_();
  const auto rejected = core::Error::unauthenticated("invalid API token");
  // The scheme name is case-insensitive (RFC 9110, section 11.1).
  if (authorization.size() < kScheme.size() ||
      !ascii_iequals(authorization.substr(0, kScheme.size()), kScheme)) {
    return rejected;
  }
  const std::string_view token = authorization.substr(kScheme.size());
  if (!has_secret_shape(token, kApiTokenPrefix)) return rejected;
  const std::string hash = hash_secret(token);
  std::optional<core::Result<Caller>> outcome;
  std::optional<std::int64_t> touch;  // the token whose last use is to be recorded
  // Looked up on a read-only snapshot, so that requests do not queue for SQLite's single writer;
  // last use is recorded at a minute's precision, for the same reason as sessions' last-seen.
  RAPPORT_TRY(store_.read([&](store::IdentityTx& tx) -> core::Status {
    RAPPORT_ASSIGN_OR_RETURN(auto record, tx.find_token_by_hash(hash));
    if (!record || record->revoked_at || (record->expires_at && *record->expires_at <= now)) {
      outcome = rejected;
      return core::ok_status();
    }
    auto caller = caller_for(tx, record->user_id, client_address);
    if (caller.ok()) {
      caller->read_only_token = record->scope == store::TokenScope::kRead;
      if (!record->last_used_at || now - *record->last_used_at >= std::chrono::minutes(1)) {
        touch = record->id;
      }
    }
    outcome = std::move(caller);
    return core::ok_status();
  }));
  if (touch) {
    RAPPORT_TRY(store_.transact(
        [&](store::IdentityTx& tx) -> core::Status { return tx.touch_token(*touch, now); }));
  }
  return std::move(*outcome);
}

core::Status AuthService::logout(std::string_view cookie_value, std::string_view client_address) {
  const auto now = clock_();
  return store_.transact([&](store::IdentityTx& tx) -> core::Status {
    if (!has_secret_shape(cookie_value, kSessionPrefix)) return core::ok_status();
    RAPPORT_ASSIGN_OR_RETURN(auto session, tx.find_session(hash_secret(cookie_value)));
    if (!session) return core::ok_status();
    RAPPORT_TRY(sessions_.close(tx, cookie_value));
    return append_audit(tx, session->user_id, client_address, "logout", "users", session->user_id,
                        "{}", now);
  });
}

core::Status AuthService::confirm_password(const Caller& caller, std::string_view password) {
  std::optional<store::UserCredentials> account;
  RAPPORT_TRY(store_.read([&](store::IdentityTx& tx) -> core::Status {
    RAPPORT_ASSIGN_OR_RETURN(auto user, tx.find_user(caller.user_id));
    if (!user) return core::ok_status();
    RAPPORT_ASSIGN_OR_RETURN(account, tx.find_user_by_email(user->email));
    return core::ok_status();
  }));
  // Outside any transaction: argon2id takes a while.
  if (!account || !hasher_.verify(account->password_hash, password)) {
    return core::Error::unauthenticated("the current password is wrong");
  }
  return core::ok_status();
}

core::Status AuthService::change_password(const Caller& caller, std::string_view current_password,
                                          std::string_view new_password) {
  RAPPORT_TRY(check_password_policy(new_password));
  if (caller.read_only_token) return core::Error::forbidden("this API token may only read");
  RAPPORT_TRY(confirm_password(caller, current_password));
  RAPPORT_ASSIGN_OR_RETURN(std::string fresh, hasher_.hash(new_password));
  const auto now = clock_();
  return store_.transact([&](store::IdentityTx& tx) -> core::Status {
    RAPPORT_TRY(tx.set_password_hash(caller.user_id, fresh, now));
    RAPPORT_TRY(tx.delete_user_sessions(caller.user_id));
    RAPPORT_TRY(tx.revoke_user_tokens(caller.user_id, now));
    return append_audit(tx, caller.user_id, caller.client_address, "password_change", "users",
                        caller.user_id, "{}", now);
  });
}

core::Result<std::int64_t> AuthService::sweep_expired_sessions() {
  const auto now = clock_();
  std::int64_t deleted = 0;
  RAPPORT_TRY(store_.transact([&](store::IdentityTx& tx) -> core::Status {
    RAPPORT_ASSIGN_OR_RETURN(deleted, sessions_.sweep(tx, now));
    return core::ok_status();
  }));
  return deleted;
}

}  // namespace rapport::services
