// Tests for the login throttling policy, on a hand-driven clock.
#include "services/login_throttle.hpp"

#include <gtest/gtest.h>

namespace rapport::services {
namespace {

using namespace std::chrono_literals;
using std::chrono::sys_seconds;

const sys_seconds kT0{sys_seconds::duration{1'700'000'000}};

TEST(LoginThrottle, FirstFailuresAreFree) {
  ThrottlePolicy p;
  AttemptState s;
  for (int i = 0; i < p.free_failures; ++i) {
    s = after_failure(s, kT0, p);
    EXPECT_EQ(next_attempt_at(s, p), sys_seconds{});
  }
}

TEST(LoginThrottle, DelayDoublesUpToTheCap) {
  ThrottlePolicy p;
  AttemptState s{p.free_failures, kT0};
  std::chrono::seconds expected = p.base_delay;
  for (int i = 0; i < 20; ++i) {
    s.failures++;
    EXPECT_EQ(next_attempt_at(s, p) - kT0, std::min(expected, p.max_delay)) << s.failures;
    expected *= 2;
  }
  s.failures = 1'000'000;
  EXPECT_EQ(next_attempt_at(s, p) - kT0, p.max_delay);
}

TEST(LoginThrottle, QuietPeriodForgets) {
  ThrottlePolicy p;
  AttemptState s{7, kT0};
  s = after_failure(s, kT0 + p.forget_after + 1s, p);
  EXPECT_EQ(s.failures, 1);
  s = after_failure(s, s.last_failure + 10s, p);
  EXPECT_EQ(s.failures, 2);
}

}  // namespace
}  // namespace rapport::services
