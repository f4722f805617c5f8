// The sweeping thread: one sweep per interval, woken early only to stop.
#include "app/session_sweeper.hpp"

#include <spdlog/spdlog.h>

namespace rapport::app {

SessionSweeper::SessionSweeper(Sweep sweep, std::chrono::seconds interval)
    : sweep_(std::move(sweep)), interval_(interval), thread_([this] { run(); }) {}

SessionSweeper::~SessionSweeper() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void SessionSweeper::run() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    auto swept = sweep_();
    if (swept.ok()) {
      spdlog::debug("sessions: deleted {} expired", *swept);
    } else {
      spdlog::warn("sessions: sweeping expired sessions failed: {}", swept.error().message);
    }
    lock.lock();
    wake_.wait_for(lock, interval_, [this] { return stopping_; });
  }
}

}  // namespace rapport::app
