// One libpq connection (RAII over PGconn/PGresult): parameterised statements, prepared once per
// connection and cached by their SQL text, with every failure returned as a core::Error.
#pragma once

#include <libpq-fe.h>

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/result.hpp"

namespace rapport::store::postgres {

// A bound parameter: text by default (sent with its length, so any UTF-8 passes unchanged),
// binary for bytea, or SQL NULL.
struct PgParam {
  std::optional<std::string> value;
  bool binary = false;

  PgParam() = default;  // NULL
  PgParam(std::nullopt_t) {}
  PgParam(std::string text) : value(std::move(text)) {}
  PgParam(std::string_view text) : value(std::string(text)) {}
  PgParam(const char* text) : value(std::string(text)) {}
  PgParam(std::int64_t number) : value(std::to_string(number)) {}
  PgParam(int number) : value(std::to_string(number)) {}
  PgParam(bool flag) : value(flag ? "true" : "false") {}
  PgParam(std::optional<std::string> text) : value(std::move(text)) {}
  PgParam(std::optional<std::int64_t> number) {
    if (number) value = std::to_string(*number);
  }
  static PgParam bytes(std::string data) {
    PgParam param(std::move(data));
    param.binary = true;
    return param;
  }
};

// A successful statement's rows, in text format. Accessors require row < rows() and
// column < columns().
class PgResult {
 public:
  explicit PgResult(PGresult* result) : result_(result, &PQclear) {}

  int rows() const { return PQntuples(result_.get()); }
  int columns() const { return PQnfields(result_.get()); }
  bool is_null(int row, int column) const { return PQgetisnull(result_.get(), row, column) != 0; }
  // The value's bytes (empty for NULL); valid while this result lives.
  std::string_view text(int row, int column) const;
  std::optional<std::string> optional_text(int row, int column) const;
  // 0 for NULL or a value that is not an integer (callers select integer columns only).
  std::int64_t int64(int row, int column) const;
  std::optional<std::int64_t> optional_int64(int row, int column) const;
  bool boolean(int row, int column) const { return text(row, column) == "t"; }
  // Rows changed by INSERT/UPDATE/DELETE (0 for other statements).
  std::int64_t affected_rows() const;
  // The command tag, e.g. "COMMIT", or "ROLLBACK" for a COMMIT of an aborted transaction.
  std::string_view command_tag() const { return PQcmdStatus(result_.get()); }

 private:
  std::unique_ptr<PGresult, void (*)(PGresult*)> result_;
};

class PgConnection {
 public:
  // Opens a connection from a libpq connection string or `postgresql://` URL, with UTF-8
  // client encoding and UTC time zone. kUnavailable when the server cannot be reached or
  // refuses the login (the message never contains the password).
  static core::Result<std::unique_ptr<PgConnection>> connect(const std::string& conninfo);

  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;
  ~PgConnection();

  // Runs one statement with bound parameters, preparing it on first use on this connection.
  // The rows on success; a mapped core::Error otherwise (kUnavailable once the connection is
  // lost, after which every call fails the same way and healthy() is false).
  core::Result<PgResult> exec(std::string_view sql, std::span<const PgParam> params);
  core::Result<PgResult> exec(std::string_view sql, std::initializer_list<PgParam> params = {}) {
    return exec(sql, std::span<const PgParam>(params.begin(), params.size()));
  }
  // Runs SQL text without parameters, possibly several statements (migrations). Not prepared.
  // The last statement's result, or the first failure.
  core::Result<PgResult> exec_script(std::string_view sql);

  // False once the connection is broken; the pool then discards it.
  bool healthy() const { return PQstatus(conn_) == CONNECTION_OK; }
  // True when no transaction is open (or aborted) on the connection.
  bool idle() const { return PQtransactionStatus(conn_) == PQTRANS_IDLE; }
  // The SQLSTATE of the last failed statement, empty after a success or a connection loss.
  const std::string& last_sqlstate() const { return last_sqlstate_; }

 private:
  explicit PgConnection(PGconn* conn) : conn_(conn) {}
  core::Result<std::string> statement_for(std::string_view sql, int param_count);
  core::Result<PgResult> finish(PGresult* result);
  // The fault injection seam's verdict on the call about to run `sql`: the engine's error for
  // the failure it stands for, as finish() would give it, or nothing.
  std::optional<core::Error> injected(std::string_view sql);

  PGconn* conn_;
  static constexpr std::size_t kMaxPreparedStatements = 256;
  std::unordered_map<std::string, std::string> statements_;  // SQL text → prepared name
  std::uint64_t next_statement_ = 0;
  std::string last_sqlstate_;
};

}  // namespace rapport::store::postgres
