// Login throttling policy: after a few failures each further attempt under the same key (an
// account tried from one client address, or one address across accounts) must wait a doubling,
// capped delay that expires on its own; nothing locks an account. Pure: the caller supplies the
// time and stores the state.
#pragma once

#include <chrono>

namespace rapport::services {

struct ThrottlePolicy {
  int free_failures = 3;               // failures with no delay after them
  std::chrono::seconds base_delay{1};  // the delay after failure free_failures+1
  std::chrono::seconds max_delay{std::chrono::minutes(15)};   // the delay stops doubling here
  std::chrono::seconds forget_after{std::chrono::hours(24)};  // quiet time that clears the count
};

// The two throttles every login passes. Neither is keyed by the account alone: that would let
// anyone who knows an e-mail address keep its owner out (the real user signs in from their own
// address while an attacker's address waits).
struct LoginThrottles {
  // One account tried from one client address: the guessing one attacker can aim at one account.
  ThrottlePolicy account_at_address{};
  // One client address across all accounts (password spraying); more failures are free, so that
  // a person mistyping on a few accounts, or several people behind one NAT, do not wait.
  ThrottlePolicy address{.free_failures = 10};
};

// Failures counted for one key.
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

}  // namespace rapport::services
