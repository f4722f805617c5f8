// Token buckets with an injected clock: refusal, refill, independence of keys, bounded memory.
#include "http/rate_limit.hpp"

#include <gtest/gtest.h>

namespace rapport::http {
namespace {

using namespace std::chrono_literals;
const RateLimiter::Clock::time_point kT0{};

TEST(RateLimiter, AllowsTheBurstThenRefusesWithRetryAfter) {
  RateLimiter limiter({.per_second = 0.5, .burst = 3, .max_keys = 10});
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(limiter.acquire("10.0.0.1", kT0).allowed);
  const RateDecision refused = limiter.acquire("10.0.0.1", kT0);
  EXPECT_FALSE(refused.allowed);
  EXPECT_EQ(refused.retry_after, 2s);
  EXPECT_TRUE(limiter.acquire("10.0.0.2", kT0).allowed);
  EXPECT_FALSE(limiter.acquire("10.0.0.1", kT0 + 1s).allowed);
  EXPECT_TRUE(limiter.acquire("10.0.0.1", kT0 + 2s).allowed);
}

TEST(RateLimiter, RetryAfterIsAtLeastOneSecond) {
  RateLimiter limiter({.per_second = 100, .burst = 1, .max_keys = 10});
  EXPECT_TRUE(limiter.acquire("k", kT0).allowed);
  EXPECT_EQ(limiter.acquire("k", kT0).retry_after, 1s);
}

TEST(RateLimiter, MemoryStaysBounded) {
  RateLimiter limiter({.per_second = 1, .burst = 2, .max_keys = 4});
  for (int i = 0; i < 100; ++i) {
    limiter.acquire("client-" + std::to_string(i), kT0 + std::chrono::milliseconds(i));
    EXPECT_LE(limiter.size(), 4u);
  }
  // Idle buckets (refilled to full) are dropped before busy ones.
  RateLimiter idle({.per_second = 1, .burst = 2, .max_keys = 2});
  idle.acquire("busy", kT0 + 10s);
  idle.acquire("busy", kT0 + 10s);
  idle.acquire("old", kT0);
  idle.acquire("new", kT0 + 10s);
  EXPECT_FALSE(idle.acquire("busy", kT0 + 10s).allowed);
}

TEST(RateLimitMiddleware, LoginRoutesHaveTheirOwnStricterBudget) {
  auto api = std::make_shared<RateLimiter>(RateLimitConfig{.per_second = 0.001, .burst = 5});
  auto login = std::make_shared<RateLimiter>(RateLimitConfig{.per_second = 0.001, .burst = 1});
  const Middleware m = rate_limit_middleware(api, login);
  Request r;
  r.client_address = "192.0.2.1";
  r.options.limit_group = LimitGroup::kLogin;
  EXPECT_FALSE(m(r));
  const auto refused = m(r);
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status(), Status::too_many_requests);
  ASSERT_NE(refused->find_header("Retry-After"), nullptr);
  r.options.limit_group = LimitGroup::kNone;
  for (int i = 0; i < 10; ++i) EXPECT_FALSE(m(r));
  r.options.limit_group = LimitGroup::kApi;
  for (int i = 0; i < 4; ++i) EXPECT_FALSE(m(r));  // the first login request used one API token
  EXPECT_TRUE(m(r));
}

}  // namespace
}  // namespace rapport::http
