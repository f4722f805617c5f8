// The armed state of the fault injection seam.
#include "store/fault_injection.hpp"

#include <mutex>
#include <utility>

namespace rapport::store::fault {

namespace detail {
std::atomic<bool> armed{false};
}  // namespace detail

namespace {

struct State {
  std::mutex mutex;
  std::uint64_t nth = 0;
  Failure failure = Failure::kUnavailable;
  Counted counted = Counted::kCalls;
  Tally tally;
};

State& state() {
  static State s;
  return s;
}

}  // namespace

void arm(std::uint64_t nth, Failure failure, Counted counted) {
  State& s = state();
  std::lock_guard lock(s.mutex);
  s.nth = nth;
  s.failure = failure;
  s.counted = counted;
  s.tally = {};
  detail::armed.store(true, std::memory_order_relaxed);
}

Tally disarm() {
  State& s = state();
  std::lock_guard lock(s.mutex);
  detail::armed.store(false, std::memory_order_relaxed);
  s.nth = 0;
  return std::exchange(s.tally, {});
}

bool detail::fire(Counted counted, std::string_view call, Failure& failure) {
  State& s = state();
  std::lock_guard lock(s.mutex);
  // A call that saw the flag just before disarm() is not counted.
  if (!armed.load(std::memory_order_relaxed) || counted != s.counted) return false;
  s.tally.calls.emplace_back(call);
  if (s.tally.calls.size() != s.nth) return false;
  s.tally.fired = true;
  failure = s.failure;
  return true;
}

}  // namespace rapport::store::fault
