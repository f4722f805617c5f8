// Tests that the sweeper sweeps at once, again each interval, and stops without waiting one out.
#include "app/session_sweeper.hpp"

#include <gtest/gtest.h>

#include <atomic>

namespace rapport::app {
namespace {

using namespace std::chrono_literals;

bool wait_until(const std::function<bool()>& done) {
  const auto deadline = std::chrono::steady_clock::now() + 10s;
  while (!done()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(1ms);
  }
  return true;
}

TEST(SessionSweeper, SweepsAtOnceAndStopsWithoutWaitingForTheInterval) {
  std::atomic<int> calls{0};
  const auto started = std::chrono::steady_clock::now();
  {
    SessionSweeper sweeper(
        [&]() -> core::Result<std::int64_t> {
          ++calls;
          return std::int64_t{0};
        },
        1h);
    EXPECT_TRUE(wait_until([&] { return calls.load() == 1; }));
  }
  EXPECT_LT(std::chrono::steady_clock::now() - started, 5s);
  EXPECT_EQ(calls.load(), 1);
}

TEST(SessionSweeper, KeepsSweepingAfterAFailure) {
  std::atomic<int> calls{0};
  SessionSweeper sweeper(
      [&]() -> core::Result<std::int64_t> {
        ++calls;
        return core::Error::unavailable("database unreachable");
      },
      0s);
  EXPECT_TRUE(wait_until([&] { return calls.load() >= 3; }));
}

}  // namespace
}  // namespace rapport::app
