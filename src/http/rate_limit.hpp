// Token-bucket rate limits per client address, in bounded memory, and the middleware that applies
// the API-wide and the stricter login budget by route.
#pragma once

#include <chrono>
#include <functional>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "http/router.hpp"

namespace rapport::http {

struct RateLimitConfig {
  double per_second = 50;         // steady refill rate
  double burst = 100;             // bucket size: requests allowed at once after a quiet spell
  std::size_t max_keys = 100000;  // buckets kept; idle ones are dropped first
};

struct RateDecision {
  bool allowed = true;
  std::chrono::seconds retry_after{0};  // when refused: until one token is back (≥ 1 s)
};

class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;

  explicit RateLimiter(RateLimitConfig config);

  // Takes one token from `key`'s bucket if it has one. Thread-safe. Memory stays within
  // max_keys buckets: a full (idle) bucket carries no state worth keeping, so those go first,
  // then the least recently used.
  RateDecision acquire(std::string_view key, Clock::time_point now = Clock::now());

  std::size_t size() const;

 private:
  struct Bucket {
    double tokens;
    Clock::time_point updated;
  };
  void evict(Clock::time_point now);

  RateLimitConfig config_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Bucket> buckets_;
};

// Middleware: routes in LimitGroup::kApi draw on `api`, kLogin on both `login` and `api`, kNone
// on neither; the key is the client address. A refusal is a 429 problem with Retry-After, and is
// reported to `refused` (when set) with the group of the route.
Middleware rate_limit_middleware(std::shared_ptr<RateLimiter> api,
                                 std::shared_ptr<RateLimiter> login,
                                 std::function<void(LimitGroup)> refused = {});

}  // namespace rapport::http
