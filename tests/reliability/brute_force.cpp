// Brute-force harness (issue 14, harness 8): 10,000 wrong passwords against one account from one
// address, 10,000 spread over many accounts from one address, and guessing through a trusted
// proxy, on SQLite and PostgreSQL. The login throttle (services/login_throttle) must engage (429
// with Retry-After) and keep the password checks an attacker gets to a few dozen, while the real
// users sign in from their own addresses throughout and their tokens keep working: nothing an
// attacker does shuts anyone else out. The clock is the harness's: one attempt per second of
// simulated time, so hours of guessing run in seconds. The per-address token buckets are off
// (as behind a proxy that hides addresses), so the figures are the login throttle's alone.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "services/token_service.hpp"
#include "services/user_service.hpp"
#include "in_process.hpp"

namespace rapport::reliability {
namespace {

using namespace std::chrono_literals;

constexpr const char* kPassword = "correct horse battery";
constexpr int kAttempts = 10000;

struct Figures {
  int attempts = 0;
  int throttled = 0;       // 429 with a positive Retry-After
  int checked = 0;         // 401: the password was verified and was wrong
  int other = 0;           // any other answer (a failure of the harness's expectations)
  int real_sign_ins = 0;   // the real users' sign-ins, all of which must succeed
  int real_refused = 0;
};

// Opens the harness in a test body: a skip or failure inside open() returns from open() only,
// and the test must stop too.
#define RAPPORT_OPEN_OR_STOP(...)                  \
  do {                                             \
    open(__VA_ARGS__);                             \
    if (IsSkipped() || HasFatalFailure()) return;  \
  } while (0)

class BruteForce : public ::testing::TestWithParam<std::string> {
 protected:
  void open(app::ApiOptions options = {}) {
    options.limits.enabled = false;
    RAPPORT_OPEN_HARNESS(h_, GetParam(), "brute_force", std::move(options));
  }

  std::int64_t add_user(const std::string& email) {
    services::PasswordHasher hasher(kTestPasswordCost);
    services::UserService users(h_.db().identity(), hasher, h_.clock.function());
    auto user = users.create(services::console_caller(),
                             {email, email, core::Role::kSales, std::nullopt, kPassword});
    EXPECT_TRUE(user.ok()) << user.error().message;
    return user.ok() ? user->id : 0;
  }

  std::string token_for(std::int64_t user_id) {
    services::Caller caller{user_id, core::Role::kSales, std::nullopt, false, "test"};
    services::TokenService tokens(h_.db().identity(), h_.clock.function());
    auto token = tokens.create(caller, "brute-force check", store::TokenScope::kReadWrite,
                               std::nullopt);
    EXPECT_TRUE(token.ok());
    return token.ok() ? token->secret : std::string();
  }

  Reply login(const std::string& email, const std::string& password, const std::string& address,
              std::vector<std::pair<std::string, std::string>> headers = {}) {
    json::object body{{"email", email}, {"password", password}};
    return h_.send(Method::post, "/api/v1/session", json::serialize(body), headers, address);
  }

  // One attacker's attempt, counted by its answer.
  void attempt(Figures& f, const std::string& email, const std::string& address,
               std::vector<std::pair<std::string, std::string>> headers = {}) {
    ++f.attempts;
    const Reply r = login(email, "guess-" + std::to_string(f.attempts), address, headers);
    if (r.status == 429 && std::atoll(r.header("Retry-After").c_str()) > 0) {
      ++f.throttled;
    } else if (r.status == 401) {
      ++f.checked;
    } else {
      ++f.other;
      ADD_FAILURE() << "attempt " << f.attempts << ": " << r.status << " " << r.body;
    }
    h_.clock.advance(1s);
  }

  void real_sign_in(Figures& f, const std::string& email, const std::string& address,
                    std::vector<std::pair<std::string, std::string>> headers = {}) {
    const Reply r = login(email, kPassword, address, headers);
    if (r.status == 201) {
      ++f.real_sign_ins;
    } else {
      ++f.real_refused;
      ADD_FAILURE() << email << " from " << address << ": " << r.status << " " << r.body;
    }
  }

  void print(const char* scenario, const Figures& f) {
    std::printf(
        "brute_force %s %s: attempts %d, refused by throttle %d, password checks %d, "
        "other answers %d; real sign-ins %d ok, %d refused\n",
        GetParam().c_str(), scenario, f.attempts, f.throttled, f.checked, f.other,
        f.real_sign_ins, f.real_refused);
  }

  Harness h_;
};

// 10,000 wrong passwords at one account from one address: the delays double up to 15 minutes,
// so in 10,000 simulated seconds only a few dozen passwords are checked. The owner signs in from
// another address every 1,000 attempts, their API token keeps answering, and once the attacker
// stops, the owner gets in from the attacker's very address (one NAT) after the announced wait.
TEST_P(BruteForce, OneAccountFromOneAddress) {
  RAPPORT_OPEN_OR_STOP();
  const auto victim = add_user("victim@example.org");
  const std::string token = token_for(victim);
  Figures f;
  for (int i = 0; i < kAttempts; ++i) {
    attempt(f, "victim@example.org", "203.0.113.7");
    if (i % 1000 == 999) {
      real_sign_in(f, "victim@example.org", "198.51.100.5");
      EXPECT_EQ(h_.send(Method::get, "/api/v1/me", {}, {{"Authorization", "Bearer " + token}})
                    .status,
                200u);
    }
  }
  print("one account", f);
  EXPECT_EQ(f.other, 0);
  EXPECT_EQ(f.throttled + f.checked, kAttempts);
  // 3 free failures, 10 doublings to the 15-minute cap, then one per 15 minutes.
  EXPECT_LT(f.checked, 40);
  EXPECT_EQ(f.real_refused, 0);

  const Reply waiting = login("victim@example.org", kPassword, "203.0.113.7");
  ASSERT_EQ(waiting.status, 429u) << waiting.body;
  const auto wait = std::atoll(waiting.header("Retry-After").c_str());
  EXPECT_GT(wait, 0);
  EXPECT_LE(wait, 15 * 60);
  h_.clock.advance(std::chrono::seconds(wait));
  real_sign_in(f, "victim@example.org", "203.0.113.7");
  EXPECT_EQ(f.real_refused, 0);
}

// Password spraying: 10,000 attempts from one address over 500 accounts. The address's own
// throttle engages after 10 free failures, whatever account each guess names; every one of the
// 500 users then signs in from their own address on the first try.
TEST_P(BruteForce, ManyAccountsFromOneAddress) {
  RAPPORT_OPEN_OR_STOP();
  constexpr int kAccounts = 500;
  std::vector<std::string> emails;
  for (int i = 0; i < kAccounts; ++i) {
    emails.push_back("user" + std::to_string(i) + "@example.org");
    add_user(emails.back());
  }
  Figures f;
  for (int i = 0; i < kAttempts; ++i) {
    attempt(f, emails[static_cast<std::size_t>(i % kAccounts)], "203.0.113.9");
    if (i % 1000 == 999) real_sign_in(f, emails[static_cast<std::size_t>(i % 7)], "198.51.100.7");
  }
  for (int i = 0; i < kAccounts; ++i) {
    real_sign_in(f, emails[static_cast<std::size_t>(i)],
                 "2001:db8::" + std::to_string(i + 1));
  }
  print("spray", f);
  EXPECT_EQ(f.other, 0);
  EXPECT_EQ(f.throttled + f.checked, kAttempts);
  EXPECT_LT(f.checked, 50);
  EXPECT_EQ(f.real_refused, 0);
  EXPECT_EQ(f.real_sign_ins, kAccounts + kAttempts / 1000);
}

// Behind a trusted reverse proxy every request comes from the proxy's address: the throttle
// must key on the client the proxy names, or one attacker would delay everyone's sign-in.
TEST_P(BruteForce, ThroughATrustedProxy) {
  app::ApiOptions options;
  options.trusted_proxies = {"10.0.0.2"};
  RAPPORT_OPEN_OR_STOP(std::move(options));
  add_user("victim@example.org");
  add_user("bystander@example.org");
  Figures f;
  for (int i = 0; i < 1000; ++i) {
    attempt(f, "victim@example.org", "10.0.0.2", {{"X-Forwarded-For", "203.0.113.7"}});
  }
  for (const char* email : {"victim@example.org", "bystander@example.org"}) {
    real_sign_in(f, email, "10.0.0.2", {{"X-Forwarded-For", "198.51.100.5"}});
  }
  print("via proxy", f);
  EXPECT_EQ(f.other, 0);
  EXPECT_GT(f.throttled, 900);
  EXPECT_EQ(f.real_refused, 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, BruteForce, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace rapport::reliability
