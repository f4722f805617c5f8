// Login throttling policy: after a few failures each further attempt for the same account or from
// the same client address must wait a doubling delay; an account that keeps failing is locked until
// an admin unlocks it. Pure: the caller supplies the time and stores the state.
#pragma once

#include <chrono>

namespace rapport::services {

struct ThrottlePolicy {
  int free_failures = 3;               // failures with no delay after them
  std::chrono::seconds base_delay{1};  // the delay after failure free_failures+1
  std::chrono::seconds max_delay{std::chrono::minutes(15)};  // the delay stops doubling here
  int lock_after = 10;  // account failures that lock the account
  std::chrono::seconds forget_after{std::chrono::hours(24)};  // quiet time that clears the count
};

// Failures counted for one key (an account or a client address).
struct AttemptState {
  int failures = 0;
  std::chrono::sys_seconds last_failure{};
  bool operator==(const AttemptState&) const = default;
};

// The earliest time at which another attempt under this state is accepted; the epoch when none
// is pending.
std::chrono::sys_seconds next_attempt_at(const AttemptState& state, const ThrottlePolicy& policy);

// The state after one more failure at `now`. A count idle for longer than forget_after starts over.
AttemptState after_failure(const AttemptState& state, std::chrono::sys_seconds now,
                           const ThrottlePolicy& policy);

// Whether an account with this state is to be locked.
bool should_lock(const AttemptState& state, const ThrottlePolicy& policy);

}  // namespace rapport::services
