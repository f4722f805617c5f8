// Ending a PostgreSQL transaction for transact().
#include "store/postgres/pg_transaction.hpp"

namespace rapport::store::postgres::detail {

core::Status finish_transaction(PgConnection& conn, bool commit) {
  RAPPORT_ASSIGN_OR_RETURN(PgResult done, conn.exec_script(commit ? "COMMIT" : "ROLLBACK"));
  // PostgreSQL answers COMMIT of an aborted transaction with a rollback, not an error.
  if (commit && done.command_tag() != "COMMIT") {
    return core::Error::internal("transaction was aborted by an earlier failed statement");
  }
  return core::ok_status();
}

}  // namespace rapport::store::postgres::detail
