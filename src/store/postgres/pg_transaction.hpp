// Runs a unit of work inside BEGIN … COMMIT on one pooled connection: committed when the work
// succeeds, rolled back when it fails, run again when PostgreSQL reports a serialization failure
// or deadlock (the work must therefore be safe to repeat: database effects only).
#pragma once

#include <utility>

#include "core/result.hpp"
#include "store/postgres/pg_error.hpp"
#include "store/postgres/pg_pool.hpp"

namespace rapport::store::postgres {

inline constexpr int kTransactionAttempts = 4;

// kRead: one snapshot for every statement of the work, and the database refuses its writes.
// Chosen in BEGIN itself, so a read costs no extra round trip.
enum class TxAccess { kWrite, kRead };

namespace detail {

// Ends the transaction on `conn`: COMMIT when `commit`, else ROLLBACK. A failed ROLLBACK leaves
// the connection outside PQTRANS_IDLE, so the pool closes it rather than reusing it.
core::Status finish_transaction(PgConnection& conn, bool commit);

}  // namespace detail

// `work(PgConnection&)` returns core::Result<T> or core::Status. Returns the work's value once
// committed; the work's own error (after rollback); kConflict when serialization failures
// persist after kTransactionAttempts; kUnavailable when no connection can be had.
template <class Work>
auto transact(PgPool& pool, Work&& work, TxAccess access = TxAccess::kWrite)
    -> decltype(work(std::declval<PgConnection&>())) {
  using ResultType = decltype(work(std::declval<PgConnection&>()));
  for (int attempt = 1;; ++attempt) {
    RAPPORT_ASSIGN_OR_RETURN(PgLease lease, pool.acquire());
    RAPPORT_TRY(lease->exec_script(
        access == TxAccess::kRead ? "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY" : "BEGIN"));
    ResultType result = work(*lease);
    if (result.ok()) {
      core::Status committed = detail::finish_transaction(*lease, true);
      if (committed.ok()) return result;
      if (!is_retryable_sqlstate(lease->last_sqlstate()) || attempt == kTransactionAttempts) {
        return std::move(committed).error();
      }
      continue;
    }
    std::string sqlstate = lease->last_sqlstate();
    // The work's error is what the caller needs; a rollback failure only retires the connection.
    (void)detail::finish_transaction(*lease, false);
    if (!is_retryable_sqlstate(sqlstate) || attempt == kTransactionAttempts) return result;
  }
}

}  // namespace rapport::store::postgres
