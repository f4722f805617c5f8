// The login throttling arithmetic.
#include "services/login_throttle.hpp"

#include <algorithm>

namespace rapport::services {

std::chrono::sys_seconds next_attempt_at(const AttemptState& state, const ThrottlePolicy& policy) {
  const int over = state.failures - policy.free_failures;
  if (over <= 0) return {};
  auto delay = policy.base_delay;
  // Doubling stops at max_delay; the loop bound keeps the shift from overflowing.
  for (int i = 1; i < over && delay < policy.max_delay; ++i) delay *= 2;
  return state.last_failure + std::min(delay, policy.max_delay);
}

AttemptState after_failure(const AttemptState& state, std::chrono::sys_seconds now,
                           const ThrottlePolicy& policy) {
  const bool stale = state.failures > 0 && now - state.last_failure > policy.forget_after;
  return AttemptState{stale ? 1 : state.failures + 1, now};
}

}  // namespace rapport::services
