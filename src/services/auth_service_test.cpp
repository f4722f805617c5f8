// Tests for login, throttling, sessions, bearer tokens, logout and password change,
// on SQLite with a hand-driven clock.
#include "services/auth_service.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "services/identity_test_fixture.hpp"
#include "services/secret.hpp"

namespace rapport::services {
namespace {

using namespace std::chrono_literals;

class AuthServiceTest : public IdentityServicesTest {
 protected:
  int count_audit(std::string_view action) {
    auto all = all_audit();
    return static_cast<int>(
        std::count_if(all.begin(), all.end(), [&](const auto& e) { return e.action == action; }));
  }
};

TEST_F(AuthServiceTest, LoginOpensASessionThatResolvesToTheCaller) {
  const Caller sales = add_user("ann@example.com", core::Role::kSales);
  auto login = auth_->login("Ann@Example.com", kUserPassword, "198.51.100.7");
  ASSERT_TRUE(login.ok()) << login.error().message;
  EXPECT_EQ(login->user.id, sales.user_id);
  EXPECT_TRUE(has_secret_shape(login->session.cookie_value, kSessionPrefix));
  EXPECT_EQ(login->session.expires_at, now_ + 12h);

  auto caller = auth_->authenticate_session(login->session.cookie_value, "198.51.100.7");
  ASSERT_TRUE(caller.ok()) << caller.error().message;
  EXPECT_EQ(caller->user_id, sales.user_id);
  EXPECT_EQ(caller->role, core::Role::kSales);
  EXPECT_FALSE(caller->read_only_token);
  EXPECT_TRUE(Sessions::csrf_matches(login->session.cookie_value, login->session.csrf_token));
  EXPECT_FALSE(Sessions::csrf_matches(login->session.cookie_value, "forged"));
  EXPECT_EQ(count_audit("login"), 1);
}

TEST_F(AuthServiceTest, WrongPasswordAndUnknownAccountLookAlikeAndAreAudited) {
  add_user("ann@example.com", core::Role::kSales);
  auto wrong = auth_->login("ann@example.com", "not the password", "203.0.113.9");
  auto unknown = auth_->login("nobody@example.com", "not the password", "203.0.113.10");
  ASSERT_FALSE(wrong.ok());
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(wrong.error().kind, core::ErrorKind::kUnauthenticated);
  EXPECT_EQ(wrong.error().message, unknown.error().message);
  auto failures = all_audit();
  ASSERT_GE(failures.size(), 2u);
  EXPECT_EQ(failures[0].action, "login_failed");
  EXPECT_EQ(failures[0].client_address, "203.0.113.10");
  EXPECT_FALSE(failures[0].object_id.has_value());
  EXPECT_EQ(failures[1].action, "login_failed");
  EXPECT_TRUE(failures[1].object_id.has_value());
  for (const auto& e : failures) {
    EXPECT_EQ(e.changes_json.find("not the password"), std::string::npos);
  }
}

TEST_F(AuthServiceTest, FailuresDelayFurtherAttemptsFromThatAddressOnly) {
  add_user("ann@example.com", core::Role::kSales);
  const ThrottlePolicy policy = LoginThrottles{}.account_at_address;
  for (int i = 0; i < policy.free_failures + 1; ++i) {
    LoginReport report;
    EXPECT_EQ(auth_->login("ann@example.com", "bad password!", "203.0.113.9", &report).error().kind,
              core::ErrorKind::kUnauthenticated);
    EXPECT_EQ(report.outcome, LoginOutcome::kWrongPassword);
  }
  // From the attacking address even the right password must wait, and is told how long.
  LoginReport report;
  auto blocked = auth_->login("ann@example.com", kUserPassword, "203.0.113.9", &report);
  ASSERT_FALSE(blocked.ok());
  EXPECT_EQ(blocked.error().kind, core::ErrorKind::kRateLimited);
  EXPECT_EQ(report.outcome, LoginOutcome::kThrottled);
  EXPECT_EQ(report.retry_after, policy.base_delay);
  // The owner, from their own address, is not delayed at all.
  EXPECT_TRUE(auth_->login("ann@example.com", kUserPassword, "198.51.100.99", &report).ok());
  EXPECT_EQ(report.outcome, LoginOutcome::kSuccess);
  // After the delay the right password works from the attacking address too.
  now_ += policy.base_delay;
  EXPECT_TRUE(auth_->login("ann@example.com", kUserPassword, "203.0.113.9").ok());
}

TEST_F(AuthServiceTest, DelaysDoubleUpToTheCapAndNeverLock) {
  const Caller ann = add_user("ann@example.com", core::Role::kSales);
  auto session = auth_->login("ann@example.com", kUserPassword, "198.51.100.7");
  auto token = tokens_->create(ann, "CI", store::TokenScope::kReadWrite, std::nullopt);
  ASSERT_TRUE(session.ok() && token.ok());
  const ThrottlePolicy policy = LoginThrottles{}.account_at_address;
  // A long attack from one address: each attempt comes as soon as it is allowed.
  std::chrono::seconds last_wait{0};
  for (int i = 0; i < 40; ++i) {
    LoginReport report;
    auto refused = auth_->login("ann@example.com", "bad password!", "203.0.113.9", &report);
    if (!refused.ok() && refused.error().kind == core::ErrorKind::kRateLimited) {
      const std::chrono::seconds wait = report.retry_after;
      EXPECT_GE(wait, last_wait);
      EXPECT_LE(wait, policy.max_delay);
      last_wait = wait;
      now_ += wait;
    }
    // Meanwhile the owner keeps working in their session (which would otherwise end idle).
    EXPECT_TRUE(auth_->authenticate_session(session->session.cookie_value, "198.51.100.7").ok());
  }
  EXPECT_EQ(last_wait, policy.max_delay);
  // Nothing was locked: the session and the API token still work, the owner signs in from
  // elsewhere at once, and no lock was audited.
  EXPECT_TRUE(auth_->authenticate_session(session->session.cookie_value, "198.51.100.7").ok());
  EXPECT_TRUE(auth_->authenticate_bearer("Bearer " + token->secret, "198.51.100.7").ok());
  EXPECT_TRUE(auth_->login("ann@example.com", kUserPassword, "198.51.100.7").ok());
  EXPECT_EQ(count_audit("lock"), 0);
  auto user = users_->get(admin_, ann.user_id);
  ASSERT_TRUE(user.ok());
  EXPECT_FALSE(user->locked);
  // The delay expires on its own: after it, the right password works from the attacker's
  // address as well.
  now_ += policy.max_delay;
  EXPECT_TRUE(auth_->login("ann@example.com", kUserPassword, "203.0.113.9").ok());
}

TEST_F(AuthServiceTest, AnAddressIsThrottledAcrossAccounts) {
  const ThrottlePolicy policy = LoginThrottles{}.address;
  for (int i = 0; i < policy.free_failures + 1; ++i) {
    static_cast<void>(
        auth_->login("user" + std::to_string(i) + "@example.com", "bad password!", "203.0.113.9"));
  }
  auto blocked = auth_->login("admin@example.com", kAdminPassword, "203.0.113.9");
  ASSERT_FALSE(blocked.ok());
  EXPECT_EQ(blocked.error().kind, core::ErrorKind::kRateLimited);
  EXPECT_TRUE(auth_->login("admin@example.com", kAdminPassword, "192.0.2.50").ok());
}

TEST_F(AuthServiceTest, AdminUnlockEndsTheDelayAtOnce) {
  const Caller ann = add_user("ann@example.com", core::Role::kSales);
  const ThrottlePolicy policy = LoginThrottles{}.account_at_address;
  for (int i = 0; i < policy.free_failures + 1; ++i) {
    static_cast<void>(auth_->login("ann@example.com", "bad password!", "203.0.113.9"));
    static_cast<void>(auth_->login("ann@example.com", "bad password!", "203.0.113.10"));
  }
  EXPECT_EQ(auth_->login("ann@example.com", kUserPassword, "203.0.113.9").error().kind,
            core::ErrorKind::kRateLimited);
  // Every attempt is logged, the refused one with the right password excepted: it was not tried.
  EXPECT_EQ(count_audit("login_failed"), 2 * (policy.free_failures + 1));

  auto unlocked = users_->unlock(admin_, ann.user_id);
  ASSERT_TRUE(unlocked.ok()) << unlocked.error().message;
  EXPECT_FALSE(unlocked->locked);
  EXPECT_TRUE(auth_->login("ann@example.com", kUserPassword, "203.0.113.9").ok());
  EXPECT_TRUE(auth_->login("ann@example.com", kUserPassword, "203.0.113.10").ok());
}

TEST_F(AuthServiceTest, SessionsExpireWhenIdleAndAbsolutely) {
  add_user("ann@example.com", core::Role::kSales);
  auto idle = auth_->login("ann@example.com", kUserPassword, "198.51.100.7");
  ASSERT_TRUE(idle.ok());
  now_ += 29min;
  EXPECT_TRUE(auth_->authenticate_session(idle->session.cookie_value, "x").ok());
  now_ += 30s;  // inside the touch interval: answered from a read-only snapshot
  EXPECT_TRUE(auth_->authenticate_session(idle->session.cookie_value, "x").ok());
  now_ += 29min;  // within 30 minutes of the last recorded use
  EXPECT_TRUE(auth_->authenticate_session(idle->session.cookie_value, "x").ok());
  now_ += 31min;
  EXPECT_EQ(auth_->authenticate_session(idle->session.cookie_value, "x").error().kind,
            core::ErrorKind::kUnauthenticated);

  auto busy = auth_->login("ann@example.com", kUserPassword, "198.51.100.7");
  ASSERT_TRUE(busy.ok());
  for (int i = 0; i < 12 * 4 - 1; ++i) {
    now_ += 15min;
    ASSERT_TRUE(auth_->authenticate_session(busy->session.cookie_value, "x").ok()) << i;
  }
  now_ += 15min;  // 12 hours after login, however active
  EXPECT_FALSE(auth_->authenticate_session(busy->session.cookie_value, "x").ok());
}

TEST_F(AuthServiceTest, SweepDeletesOnlyExpiredSessions) {
  add_user("ann@example.com", core::Role::kSales);
  auto early = auth_->login("ann@example.com", kUserPassword, "198.51.100.7");
  ASSERT_TRUE(early.ok());
  now_ += 20min;
  auto later = auth_->login("ann@example.com", kUserPassword, "198.51.100.7");
  ASSERT_TRUE(later.ok());
  now_ += 10min;  // the first is now exactly 30 minutes idle
  auto swept = auth_->sweep_expired_sessions();
  ASSERT_TRUE(swept.ok()) << swept.error().message;
  EXPECT_EQ(*swept, 1);
  EXPECT_EQ(*auth_->sweep_expired_sessions(), 0);
  EXPECT_TRUE(auth_->authenticate_session(later->session.cookie_value, "x").ok());
  EXPECT_FALSE(auth_->authenticate_session(early->session.cookie_value, "x").ok());
}

TEST_F(AuthServiceTest, MalformedAndForgedCookiesAreRejected) {
  for (std::string_view bad : {"", "rps_", "rps_' OR 1=1 --", "garbage"}) {
    EXPECT_EQ(auth_->authenticate_session(bad, "x").error().kind,
              core::ErrorKind::kUnauthenticated);
  }
  EXPECT_FALSE(auth_->authenticate_session(generate_secret(kSessionPrefix).text, "x").ok());
}

TEST_F(AuthServiceTest, LogoutEndsTheSession) {
  auto login = auth_->login("admin@example.com", kAdminPassword, "192.0.2.1");
  ASSERT_TRUE(login.ok());
  ASSERT_TRUE(auth_->logout(login->session.cookie_value, "192.0.2.1").ok());
  EXPECT_FALSE(auth_->authenticate_session(login->session.cookie_value, "x").ok());
  EXPECT_TRUE(auth_->logout(login->session.cookie_value, "192.0.2.1").ok());
  EXPECT_EQ(count_audit("logout"), 1);
}

TEST_F(AuthServiceTest, PasswordChangeRevokesEverySessionAndToken) {
  const Caller ann = add_user("ann@example.com", core::Role::kSales);
  auto first = auth_->login("ann@example.com", kUserPassword, "198.51.100.7");
  auto second = auth_->login("ann@example.com", kUserPassword, "198.51.100.8");
  auto token = tokens_->create(ann, "CI", store::TokenScope::kReadWrite, std::nullopt);
  ASSERT_TRUE(first.ok() && second.ok() && token.ok());

  EXPECT_EQ(auth_->change_password(ann, "wrong current pw", "a new password").error().kind,
            core::ErrorKind::kUnauthenticated);
  EXPECT_EQ(auth_->change_password(ann, kUserPassword, "short").error().kind,
            core::ErrorKind::kInvalid);
  EXPECT_TRUE(auth_->authenticate_session(first->session.cookie_value, "x").ok());

  ASSERT_TRUE(auth_->change_password(ann, kUserPassword, "a new password").ok());
  EXPECT_FALSE(auth_->authenticate_session(first->session.cookie_value, "x").ok());
  EXPECT_FALSE(auth_->authenticate_session(second->session.cookie_value, "x").ok());
  EXPECT_FALSE(auth_->authenticate_bearer("Bearer " + token->secret, "x").ok());
  EXPECT_FALSE(auth_->login("ann@example.com", kUserPassword, "198.51.100.7").ok());
  EXPECT_TRUE(auth_->login("ann@example.com", "a new password", "198.51.100.7").ok());
}

TEST_F(AuthServiceTest, ConfirmPasswordChecksTheCallersOwn) {
  const Caller ann = add_user("ann@example.com", core::Role::kSales);
  EXPECT_TRUE(auth_->confirm_password(ann, kUserPassword).ok());
  EXPECT_EQ(auth_->confirm_password(ann, kAdminPassword).error().kind,
            core::ErrorKind::kUnauthenticated);
  EXPECT_TRUE(auth_->confirm_password(admin_, kAdminPassword).ok());
}

TEST_F(AuthServiceTest, LoginReplacesAnOutdatedHash) {
  PasswordHasher dearer({crypto_pwhash_OPSLIMIT_MIN + 1, crypto_pwhash_MEMLIMIT_MIN});
  AuthService auth(*store_, dearer, clock());
  ASSERT_TRUE(auth.login("admin@example.com", kAdminPassword, "192.0.2.1").ok());
  std::string stored;
  ASSERT_TRUE(store_
                  ->transact([&](store::IdentityTx& tx) -> core::Status {
                    RAPPORT_ASSIGN_OR_RETURN(auto creds,
                                             tx.find_user_by_email("admin@example.com"));
                    stored = creds->password_hash;
                    return core::ok_status();
                  })
                  .ok());
  EXPECT_FALSE(dearer.needs_rehash(stored));
  EXPECT_TRUE(auth.login("admin@example.com", kAdminPassword, "192.0.2.1").ok());
}

TEST_F(AuthServiceTest, BearerTokensAuthenticateWithTheirScope) {
  const Caller ann = add_user("ann@example.com", core::Role::kSales);
  auto rw = tokens_->create(ann, "CI", store::TokenScope::kReadWrite, std::nullopt);
  auto ro = tokens_->create(ann, "dashboard", store::TokenScope::kRead, now_ + 24h);
  ASSERT_TRUE(rw.ok() && ro.ok());

  auto as_rw = auth_->authenticate_bearer("Bearer " + rw->secret, "203.0.113.1");
  ASSERT_TRUE(as_rw.ok()) << as_rw.error().message;
  EXPECT_EQ(as_rw->user_id, ann.user_id);
  EXPECT_FALSE(as_rw->read_only_token);
  auto as_ro = auth_->authenticate_bearer("bearer " + ro->secret, "203.0.113.1");
  ASSERT_TRUE(as_ro.ok());
  EXPECT_TRUE(as_ro->read_only_token);
  EXPECT_EQ(authorize(*as_ro, core::ObjectType::kContacts, core::Action::kCreate).error().kind,
            core::ErrorKind::kForbidden);

  auto listed = tokens_->list(ann, std::nullopt);
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 2u);
  EXPECT_EQ((*listed)[0].last_used_at, now_);
  EXPECT_EQ((*listed)[0].token_hash.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ((*listed)[0].token_hash, hash_secret(rw->secret));

  now_ += 25h;
  EXPECT_FALSE(auth_->authenticate_bearer("Bearer " + ro->secret, "x").ok());
  ASSERT_TRUE(tokens_->revoke(ann, rw->record.id).ok());
  EXPECT_FALSE(auth_->authenticate_bearer("Bearer " + rw->secret, "x").ok());
}

TEST_F(AuthServiceTest, MalformedAuthorizationHeadersAreRejected) {
  const std::string good = generate_secret(kApiTokenPrefix).text;
  for (const std::string& bad :
       {std::string(""), std::string("Bearer"), "Basic " + good, good, "Bearer  " + good,
        "Bearer " + good + "x", std::string("Bearer ")}) {
    EXPECT_EQ(auth_->authenticate_bearer(bad, "x").error().kind, core::ErrorKind::kUnauthenticated)
        << bad;
  }
}

TEST_F(AuthServiceTest, DeactivatedUsersLoseSessionsAndTokens) {
  const Caller ann = add_user("ann@example.com", core::Role::kSales);
  auto login = auth_->login("ann@example.com", kUserPassword, "198.51.100.7");
  auto token = tokens_->create(ann, "CI", store::TokenScope::kRead, std::nullopt);
  ASSERT_TRUE(login.ok() && token.ok());
  auto user = users_->get(admin_, ann.user_id);
  ASSERT_TRUE(user.ok());
  UserPatch patch;
  patch.active = false;
  ASSERT_TRUE(users_->update(admin_, ann.user_id, user->version, patch).ok());
  EXPECT_FALSE(auth_->authenticate_session(login->session.cookie_value, "x").ok());
  EXPECT_FALSE(auth_->authenticate_bearer("Bearer " + token->secret, "x").ok());
  LoginReport report;
  auto again = auth_->login("ann@example.com", kUserPassword, "198.51.100.7", &report);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().message, "this account is deactivated");
  EXPECT_EQ(report.outcome, LoginOutcome::kDeactivated);
  // The token was revoked, not just refused: reactivating the account does not revive it.
  user = users_->get(admin_, ann.user_id);
  patch.active = true;
  ASSERT_TRUE(users_->update(admin_, ann.user_id, user->version, patch).ok());
  EXPECT_FALSE(auth_->authenticate_bearer("Bearer " + token->secret, "x").ok());
  EXPECT_TRUE(
      auth_
          ->authenticate_session(
              auth_->login("ann@example.com", kUserPassword, "198.51.100.7")->session.cookie_value,
              "x")
          .ok());
}

}  // namespace
}  // namespace rapport::services
