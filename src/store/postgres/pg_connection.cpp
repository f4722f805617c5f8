// libpq connection wrapper: connect, prepare-once statements, results and error mapping.
#include "store/postgres/pg_connection.hpp"

#include <charconv>

#include "store/postgres/pg_error.hpp"

namespace rapport::store::postgres {

namespace {

// Notices ("relation already exists, skipping") are expected during migrations; libpq would
// print them on stderr.
void ignore_notice(void*, const char*) {}

}  // namespace

std::string_view PgResult::text(int row, int column) const {
  return {PQgetvalue(result_.get(), row, column),
          static_cast<std::size_t>(PQgetlength(result_.get(), row, column))};
}

std::optional<std::string> PgResult::optional_text(int row, int column) const {
  if (is_null(row, column)) return std::nullopt;
  return std::string(text(row, column));
}

std::int64_t PgResult::int64(int row, int column) const {
  std::string_view value = text(row, column);
  std::int64_t number = 0;
  std::from_chars(value.data(), value.data() + value.size(), number);
  return number;
}

std::optional<std::int64_t> PgResult::optional_int64(int row, int column) const {
  if (is_null(row, column)) return std::nullopt;
  return int64(row, column);
}

std::int64_t PgResult::affected_rows() const {
  std::string_view count = PQcmdTuples(result_.get());
  std::int64_t number = 0;
  std::from_chars(count.data(), count.data() + count.size(), number);
  return number;
}

core::Result<std::unique_ptr<PgConnection>> PgConnection::connect(const std::string& conninfo) {
  PGconn* conn = PQconnectdb(conninfo.c_str());
  if (conn == nullptr) return core::Error::unavailable("database unavailable: out of memory");
  // Owned from here on, whatever happens next.
  std::unique_ptr<PgConnection> connection(new PgConnection(conn));
  if (PQstatus(conn) != CONNECTION_OK) {
    return error_from_sqlstate("", PQerrorMessage(conn));
  }
  PQsetNoticeProcessor(conn, &ignore_notice, nullptr);
  if (PQsetClientEncoding(conn, "UTF8") != 0) {
    return error_from_sqlstate("", PQerrorMessage(conn));
  }
  RAPPORT_TRY(connection->exec_script("SET TIME ZONE 'UTC'"));
  return connection;
}

PgConnection::~PgConnection() { PQfinish(conn_); }

core::Result<PgResult> PgConnection::finish(PGresult* result) {
  ExecStatusType status = result != nullptr ? PQresultStatus(result) : PGRES_FATAL_ERROR;
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
    last_sqlstate_.clear();
    return PgResult(result);
  }
  const char* state = result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  last_sqlstate_ = state != nullptr ? state : "";
  core::Error error = error_from_result(result, conn_);
  PQclear(result);
  return error;
}

std::optional<core::Error> PgConnection::injected(std::string_view sql) {
  fault::Failure failure{};
  if (!fault::should_fail([&] { return sql; }, failure)) return std::nullopt;
  const InjectedFailure real = injected_failure(failure);
  last_sqlstate_ = real.sqlstate;
  return error_from_sqlstate(real.sqlstate, real.message);
}

core::Result<std::string> PgConnection::statement_for(std::string_view sql, int param_count) {
  auto found = statements_.find(std::string(sql));
  if (found != statements_.end()) return found->second;
  if (statements_.size() >= kMaxPreparedStatements) {
    // List queries vary with their filters; a bounded cache keeps the server's memory bounded.
    RAPPORT_TRY(finish(PQexec(conn_, "DEALLOCATE ALL")));
    statements_.clear();
  }
  std::string name = "s" + std::to_string(next_statement_++);
  std::string text(sql);
  // Parameter types are left to the server to infer from the statement.
  RAPPORT_TRY(finish(PQprepare(conn_, name.c_str(), text.c_str(), param_count, nullptr)));
  statements_.emplace(std::move(text), name);
  return name;
}

core::Result<PgResult> PgConnection::exec(std::string_view sql, std::span<const PgParam> params) {
  if (!healthy()) return core::Error::unavailable("database unavailable: connection lost");
  std::vector<const char*> values;
  std::vector<int> lengths;
  std::vector<int> formats;
  values.reserve(params.size());
  lengths.reserve(params.size());
  formats.reserve(params.size());
  for (const PgParam& param : params) {
    if (param.value && !param.binary && param.value->find('\0') != std::string::npos) {
      // PostgreSQL text cannot hold NUL; SQLite would truncate silently. Reject instead.
      return core::Error::invalid("text must not contain NUL characters");
    }
    values.push_back(param.value ? param.value->data() : nullptr);
    lengths.push_back(param.value ? static_cast<int>(param.value->size()) : 0);
    formats.push_back(param.binary ? 1 : 0);
  }
  if (auto error = injected(sql)) return std::move(*error);
  int count = static_cast<int>(params.size());
  RAPPORT_ASSIGN_OR_RETURN(std::string name, statement_for(sql, count));
  return finish(
      PQexecPrepared(conn_, name.c_str(), count, values.data(), lengths.data(), formats.data(), 0));
}

core::Result<PgResult> PgConnection::exec_script(std::string_view sql) {
  if (!healthy()) return core::Error::unavailable("database unavailable: connection lost");
  if (auto error = injected(sql)) return std::move(*error);
  std::string text(sql);
  return finish(PQexec(conn_, text.c_str()));
}

}  // namespace rapport::store::postgres
