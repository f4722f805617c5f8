// Test-only fault injection under both engines: fails the Nth database call after arming.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rapport::store::fault {

// What an injected failure stands for. Each engine returns the error it gives for the real
// thing, through its own error mapping: kUnavailable is SQLite's SQLITE_BUSY (the write lock not
// had within the busy timeout) and PostgreSQL's disk_full (53100), both kUnavailable; kIoError is
// SQLITE_IOERR and PostgreSQL's io_error (58030), both kInternal.
enum class Failure { kUnavailable, kIoError };

// What is counted: the engines' database calls, or SQLite's file writes and syncs (xWrite, xSync
// of the VFS in store/sqlite/sqlite_fault_vfs.hpp, where a failure is SQLITE_FULL or SQLITE_IOERR
// inside SQLite itself).
enum class Counted { kCalls, kFileWrites };

// From arm() on, every database call (SQLite prepare, step and exec; PostgreSQL exec, script and
// connect's setup) or file write is counted, and number `nth` (from 1) fails once with
// `failure`; 0 only counts. Process-wide: meant for a test that makes the calls from its own
// thread. Armed only from C++ tests, never from HTTP, the environment or configuration.
void arm(std::uint64_t nth, Failure failure = Failure::kUnavailable,
         Counted counted = Counted::kCalls);

// What the armed calls were: their SQL (or what was done) in order, and whether `nth` was reached.
struct Tally {
  std::vector<std::string> calls;
  bool fired = false;
};
// Stops counting and failing; what was seen since arm().
Tally disarm();

namespace detail {
extern std::atomic<bool> armed;
// Counts a call; the failure when it is the one to fail.
bool fire(Counted counted, std::string_view call, Failure& failure);
}  // namespace detail

// Engines ask before each database call (or file write), with `describe()` giving its SQL
// (called only when armed): true and `failure` set when this call is to fail. Disarmed: one
// relaxed atomic load.
template <class Describe>
bool should_fail(Describe&& describe, Failure& failure, Counted counted = Counted::kCalls) {
  if (!detail::armed.load(std::memory_order_relaxed)) [[likely]]
    return false;
  return detail::fire(counted, describe(), failure);
}

}  // namespace rapport::store::fault
