// Token buckets refilled lazily on access; eviction scans only when the table is full.
#include "http/rate_limit.hpp"

#include <algorithm>
#include <cmath>

#include "http/problem.hpp"

namespace rapport::http {

RateLimiter::RateLimiter(RateLimitConfig config) : config_(config) {}

std::size_t RateLimiter::size() const {
  std::lock_guard lock(mutex_);
  return buckets_.size();
}

void RateLimiter::evict(Clock::time_point now) {
  const auto refill_time = std::chrono::duration<double>(config_.burst / config_.per_second);
  std::erase_if(buckets_, [&](const auto& kv) { return now - kv.second.updated >= refill_time; });
  if (buckets_.size() < config_.max_keys) return;
  auto oldest = std::min_element(
      buckets_.begin(), buckets_.end(),
      [](const auto& a, const auto& b) { return a.second.updated < b.second.updated; });
  buckets_.erase(oldest);
}

RateDecision RateLimiter::acquire(std::string_view key, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  auto it = buckets_.find(std::string(key));
  if (it == buckets_.end()) {
    if (buckets_.size() >= config_.max_keys) evict(now);
    it = buckets_.emplace(std::string(key), Bucket{config_.burst, now}).first;
  }
  Bucket& b = it->second;
  const double elapsed = std::chrono::duration<double>(now - b.updated).count();
  if (elapsed > 0) {
    b.tokens = std::min(config_.burst, b.tokens + elapsed * config_.per_second);
    b.updated = now;
  }
  if (b.tokens >= 1) {
    b.tokens -= 1;
    return {};
  }
  const double wait = (1 - b.tokens) / config_.per_second;
  return {false, std::chrono::seconds(std::max<long long>(1, std::llround(std::ceil(wait))))};
}

Middleware rate_limit_middleware(std::shared_ptr<RateLimiter> api,
                                 std::shared_ptr<RateLimiter> login,
                                 std::function<void(LimitGroup)> refused) {
  return [api = std::move(api), login = std::move(login),
          refused = std::move(refused)](Request& request) -> std::optional<Response> {
    const LimitGroup group = request.options.limit_group;
    if (group == LimitGroup::kNone) return std::nullopt;
    RateDecision decision;
    if (group == LimitGroup::kLogin) decision = login->acquire(request.client_address);
    if (decision.allowed) decision = api->acquire(request.client_address);
    if (decision.allowed) return std::nullopt;
    if (refused) refused(group);
    return problem_response(core::Error::rate_limited("too many requests from this address"),
                            decision.retry_after);
  };
}

}  // namespace rapport::http
