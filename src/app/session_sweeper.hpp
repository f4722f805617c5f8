// Deletes expired sessions periodically while `rapport serve` runs: a session past its idle or
// absolute expiry is otherwise deleted only if its cookie comes back, and most never do.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>

#include "core/result.hpp"

namespace rapport::app {

class SessionSweeper {
 public:
  using Sweep = std::function<core::Result<std::int64_t>()>;

  // Calls `sweep` at once and then every `interval` on a thread of its own, until destroyed. A
  // failed sweep is logged and retried at the next interval.
  SessionSweeper(Sweep sweep, std::chrono::seconds interval);
  ~SessionSweeper();  // wakes the thread and joins it
  SessionSweeper(const SessionSweeper&) = delete;
  SessionSweeper& operator=(const SessionSweeper&) = delete;

 private:
  void run();

  Sweep sweep_;
  std::chrono::seconds interval_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace rapport::app
