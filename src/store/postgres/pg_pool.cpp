// Bounded PostgreSQL connection pool.
#include "store/postgres/pg_pool.hpp"

#include <algorithm>

namespace rapport::store::postgres {

PgLease::~PgLease() {
  if (pool_ != nullptr && conn_ != nullptr) pool_->give_back(std::move(conn_));
}

core::Result<std::unique_ptr<PgPool>> PgPool::create(PgPoolOptions options) {
  options.size = std::max(options.size, 1);
  std::unique_ptr<PgPool> pool(new PgPool(std::move(options)));
  RAPPORT_ASSIGN_OR_RETURN(std::unique_ptr<PgConnection> first,
                           PgConnection::connect(pool->options_.conninfo));
  pool->idle_.push_back(std::move(first));
  pool->open_ = 1;
  return pool;
}

core::Result<PgLease> PgPool::acquire() {
  std::unique_lock lock(mutex_);
  ++counters_.acquisitions;
  auto available = [this] { return !idle_.empty() || open_ < options_.size; };
  if (!available()) {
    ++counters_.waits;
    ++counters_.waiting;
    const bool freed = freed_.wait_for(lock, options_.acquire_timeout, available);
    --counters_.waiting;
    if (!freed) {
      ++counters_.timeouts;
      return core::Error::unavailable("database busy: no connection free within the timeout");
    }
  }
  while (!idle_.empty()) {
    std::unique_ptr<PgConnection> conn = std::move(idle_.back());
    idle_.pop_back();
    if (conn->healthy()) return PgLease(this, std::move(conn));
    --open_;
    ++counters_.discarded;
  }
  // Reserve the slot, then connect without holding the lock: connecting takes a round trip.
  ++open_;
  lock.unlock();
  auto conn = PgConnection::connect(options_.conninfo);
  if (!conn.ok()) {
    lock.lock();
    --open_;
    freed_.notify_one();
    return std::move(conn).error();
  }
  return PgLease(this, std::move(conn).value());
}

void PgPool::give_back(std::unique_ptr<PgConnection> conn) {
  // A connection still inside a transaction would leak its locks and state to the next user.
  bool reusable = conn->healthy() && conn->idle();
  if (!reusable) conn.reset();
  std::lock_guard lock(mutex_);
  if (reusable) {
    idle_.push_back(std::move(conn));
  } else {
    --open_;
    ++counters_.discarded;
  }
  freed_.notify_one();
}

PgPoolStats PgPool::stats() const {
  std::lock_guard lock(mutex_);
  PgPoolStats stats = counters_;
  stats.size = options_.size;
  stats.open = open_;
  stats.in_use = open_ - static_cast<int>(idle_.size());
  return stats;
}

}  // namespace rapport::store::postgres
