// A bounded pool of PostgreSQL connections: opened on demand up to a fixed size, lent out one per
// unit of work, waited for with a timeout, and counted for the metrics endpoint.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "store/postgres/pg_connection.hpp"

namespace rapport::store::postgres {

struct PgPoolOptions {
  std::string conninfo;  // libpq connection string or postgresql:// URL
  int size = 8;          // most connections open at once (at least 1)
  std::chrono::milliseconds acquire_timeout{5000};
};

// Figures for /metrics. `waits` counts acquisitions that found every connection lent out;
// `timeouts` those that gave up.
struct PgPoolStats {
  int size = 0;
  int open = 0;
  int in_use = 0;
  int waiting = 0;  // acquisitions waiting for a connection now
  std::uint64_t acquisitions = 0;
  std::uint64_t waits = 0;
  std::uint64_t timeouts = 0;
  std::uint64_t discarded =
      0;  // connections dropped because they broke or were left mid-transaction
};

class PgPool;

// A borrowed connection; returns it to the pool when destroyed. A connection that broke or was
// left inside a transaction is closed instead of returned.
class PgLease {
 public:
  PgLease(PgLease&& other) noexcept : pool_(other.pool_), conn_(std::move(other.conn_)) {
    other.pool_ = nullptr;
  }
  PgLease& operator=(PgLease&&) = delete;
  PgLease(const PgLease&) = delete;
  ~PgLease();

  PgConnection& operator*() const { return *conn_; }
  PgConnection* operator->() const { return conn_.get(); }

 private:
  friend class PgPool;
  PgLease(PgPool* pool, std::unique_ptr<PgConnection> conn) : pool_(pool), conn_(std::move(conn)) {}
  PgPool* pool_;
  std::unique_ptr<PgConnection> conn_;
};

class PgPool {
 public:
  // Opens one connection at once, so a wrong URL or an unreachable server is reported here
  // (kUnavailable) rather than on the first request.
  static core::Result<std::unique_ptr<PgPool>> create(PgPoolOptions options);

  // A connection within the acquire timeout; kUnavailable when none became free in time or a
  // new one could not be opened. The pool must outlive the lease.
  core::Result<PgLease> acquire();

  PgPoolStats stats() const;

 private:
  friend class PgLease;
  explicit PgPool(PgPoolOptions options) : options_(std::move(options)) {}
  void give_back(std::unique_ptr<PgConnection> conn);

  PgPoolOptions options_;
  mutable std::mutex mutex_;
  std::condition_variable freed_;
  std::vector<std::unique_ptr<PgConnection>> idle_;
  int open_ = 0;  // idle plus lent out plus being opened
  PgPoolStats counters_;
};

}  // namespace rapport::store::postgres
