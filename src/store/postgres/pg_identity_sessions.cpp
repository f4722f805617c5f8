// Sessions, API tokens and login attempts in PostgreSQL.
#include <string>

#include "store/postgres/pg_identity_store.hpp"
#include "store/postgres/pg_time.hpp"

namespace rapport::store::postgres {

namespace {

constexpr std::string_view kSessionColumns =
    "id_hash, user_id, extract(epoch FROM created_at)::bigint,"
    " extract(epoch FROM last_seen_at)::bigint, client_address";

constexpr std::string_view kTokenColumns =
    "id, user_id, name, token_hash, scope, extract(epoch FROM created_at)::bigint,"
    " extract(epoch FROM expires_at)::bigint, extract(epoch FROM last_used_at)::bigint,"
    " extract(epoch FROM revoked_at)::bigint";

std::string sql(std::string_view head, std::string_view columns, std::string_view tail) {
  return std::string(head) + std::string(columns) + std::string(tail);
}

SessionRecord session_at(const PgResult& rows, int row) {
  SessionRecord session;
  session.id_hash = rows.text(row, 0);
  session.user_id = rows.int64(row, 1);
  session.created_at = from_epoch(rows.int64(row, 2));
  session.last_seen_at = from_epoch(rows.int64(row, 3));
  session.client_address = rows.text(row, 4);
  return session;
}

core::Result<ApiTokenRecord> token_at(const PgResult& rows, int row) {
  ApiTokenRecord token;
  token.id = rows.int64(row, 0);
  token.user_id = rows.int64(row, 1);
  token.name = rows.text(row, 2);
  token.token_hash = rows.text(row, 3);
  RAPPORT_ASSIGN_OR_RETURN(token.scope, parse_token_scope(rows.text(row, 4)));
  token.created_at = from_epoch(rows.int64(row, 5));
  token.expires_at = from_epoch(rows.optional_int64(row, 6));
  token.last_used_at = from_epoch(rows.optional_int64(row, 7));
  token.revoked_at = from_epoch(rows.optional_int64(row, 8));
  return token;
}

core::Result<std::optional<ApiTokenRecord>> first_token(const PgResult& rows) {
  if (rows.rows() == 0) return std::optional<ApiTokenRecord>();
  RAPPORT_ASSIGN_OR_RETURN(ApiTokenRecord token, token_at(rows, 0));
  return std::optional<ApiTokenRecord>(std::move(token));
}

core::Status require_row(const PgResult& rows, std::string_view what) {
  if (rows.affected_rows() == 0) return core::Error::not_found(std::string(what) + " not found");
  return core::ok_status();
}

}  // namespace

core::Status PgIdentityTx::insert_session(const SessionRecord& session) {
  RAPPORT_TRY(
      conn_.exec("INSERT INTO sessions (id_hash, user_id, created_at, last_seen_at, client_address)"
                 " VALUES ($1, $2, to_timestamp($3), to_timestamp($4), $5)",
                 {session.id_hash, session.user_id, epoch(session.created_at),
                  epoch(session.last_seen_at), session.client_address}));
  return core::ok_status();
}

core::Result<std::optional<SessionRecord>> PgIdentityTx::find_session(std::string_view id_hash) {
  RAPPORT_ASSIGN_OR_RETURN(
      PgResult rows,
      conn_.exec(sql("SELECT ", kSessionColumns, " FROM sessions WHERE id_hash = $1"), {id_hash}));
  if (rows.rows() == 0) return std::optional<SessionRecord>();
  return std::optional<SessionRecord>(session_at(rows, 0));
}

core::Status PgIdentityTx::touch_session(std::string_view id_hash, sys_seconds now) {
  RAPPORT_ASSIGN_OR_RETURN(
      PgResult rows,
      conn_.exec("UPDATE sessions SET last_seen_at = to_timestamp($2) WHERE id_hash = $1",
                 {id_hash, epoch(now)}));
  return require_row(rows, "session");
}

core::Status PgIdentityTx::delete_session(std::string_view id_hash) {
  RAPPORT_TRY(conn_.exec("DELETE FROM sessions WHERE id_hash = $1", {id_hash}));
  return core::ok_status();
}

core::Status PgIdentityTx::delete_user_sessions(std::int64_t user_id) {
  RAPPORT_TRY(conn_.exec("DELETE FROM sessions WHERE user_id = $1", {user_id}));
  return core::ok_status();
}

core::Result<std::int64_t> PgIdentityTx::delete_expired_sessions(sys_seconds created_by,
                                                                 sys_seconds last_seen_by) {
  RAPPORT_ASSIGN_OR_RETURN(
      PgResult rows,
      conn_.exec("DELETE FROM sessions"
                 " WHERE created_at <= to_timestamp($1) OR last_seen_at <= to_timestamp($2)",
                 {epoch(created_by), epoch(last_seen_by)}));
  return rows.affected_rows();
}

core::Result<ApiTokenRecord> PgIdentityTx::insert_token(const ApiTokenRecord& token) {
  RAPPORT_ASSIGN_OR_RETURN(
      PgResult rows,
      conn_.exec(sql("INSERT INTO api_tokens (user_id, name, token_hash, scope, created_at,"
                     " expires_at, last_used_at, revoked_at) VALUES ($1, $2, $3, $4,"
                     " to_timestamp($5), to_timestamp($6), to_timestamp($7), to_timestamp($8))"
                     " RETURNING ",
                     kTokenColumns, ""),
                 {token.user_id, token.name, token.token_hash, to_string(token.scope),
                  epoch(token.created_at), epoch(token.expires_at), epoch(token.last_used_at),
                  epoch(token.revoked_at)}));
  return token_at(rows, 0);
}

core::Result<std::optional<ApiTokenRecord>> PgIdentityTx::find_token(std::int64_t id) {
  RAPPORT_ASSIGN_OR_RETURN(
      PgResult rows,
      conn_.exec(sql("SELECT ", kTokenColumns, " FROM api_tokens WHERE id = $1"), {id}));
  return first_token(rows);
}

core::Result<std::optional<ApiTokenRecord>> PgIdentityTx::find_token_by_hash(
    std::string_view hash) {
  RAPPORT_ASSIGN_OR_RETURN(
      PgResult rows,
      conn_.exec(sql("SELECT ", kTokenColumns, " FROM api_tokens WHERE token_hash = $1"), {hash}));
  return first_token(rows);
}

core::Result<std::vector<ApiTokenRecord>> PgIdentityTx::list_tokens(std::int64_t user_id) {
  RAPPORT_ASSIGN_OR_RETURN(
      PgResult rows,
      conn_.exec(sql("SELECT ", kTokenColumns, " FROM api_tokens WHERE user_id = $1 ORDER BY id"),
                 {user_id}));
  std::vector<ApiTokenRecord> tokens;
  tokens.reserve(rows.rows());
  for (int row = 0; row < rows.rows(); ++row) {
    RAPPORT_ASSIGN_OR_RETURN(ApiTokenRecord token, token_at(rows, row));
    tokens.push_back(std::move(token));
  }
  return tokens;
}

core::Status PgIdentityTx::revoke_token(std::int64_t id, sys_seconds now) {
  // A second revocation keeps the first time.
  RAPPORT_ASSIGN_OR_RETURN(
      PgResult rows,
      conn_.exec("UPDATE api_tokens SET revoked_at = coalesce(revoked_at, to_timestamp($2))"
                 " WHERE id = $1",
                 {id, epoch(now)}));
  return require_row(rows, "token");
}

core::Status PgIdentityTx::touch_token(std::int64_t id, sys_seconds now) {
  RAPPORT_ASSIGN_OR_RETURN(
      PgResult rows,
      conn_.exec("UPDATE api_tokens SET last_used_at = to_timestamp($2) WHERE id = $1",
                 {id, epoch(now)}));
  return require_row(rows, "token");
}

core::Result<std::int64_t> PgIdentityTx::revoke_user_tokens(std::int64_t user_id, sys_seconds now) {
  RAPPORT_ASSIGN_OR_RETURN(PgResult rows,
                           conn_.exec("UPDATE api_tokens SET revoked_at = to_timestamp($2)"
                                      " WHERE user_id = $1 AND revoked_at IS NULL",
                                      {user_id, epoch(now)}));
  return rows.affected_rows();
}

core::Result<AttemptRow> PgIdentityTx::get_attempts(AttemptKind kind, std::string_view key) {
  RAPPORT_ASSIGN_OR_RETURN(
      PgResult rows,
      conn_.exec("SELECT failures, extract(epoch FROM last_failure)::bigint FROM login_attempts"
                 " WHERE kind = $1 AND key = $2",
                 {to_string(kind), key}));
  if (rows.rows() == 0) return AttemptRow{};
  return AttemptRow{static_cast<int>(rows.int64(0, 0)), from_epoch(rows.int64(0, 1))};
}

core::Status PgIdentityTx::put_attempts(AttemptKind kind, std::string_view key,
                                        const AttemptRow& row) {
  RAPPORT_TRY(conn_.exec(
      "INSERT INTO login_attempts (kind, key, failures, last_failure)"
      " VALUES ($1, $2, $3, to_timestamp($4)) ON CONFLICT (kind, key)"
      " DO UPDATE SET failures = EXCLUDED.failures, last_failure = EXCLUDED.last_failure",
      {to_string(kind), key, row.failures, epoch(row.last_failure)}));
  return core::ok_status();
}

core::Status PgIdentityTx::clear_attempts(AttemptKind kind, std::string_view key) {
  RAPPORT_TRY(conn_.exec("DELETE FROM login_attempts WHERE kind = $1 AND key = $2",
                         {to_string(kind), key}));
  return core::ok_status();
}

core::Status PgIdentityTx::clear_account_attempts(std::string_view email) {
  // A prefix compare rather than LIKE, so that '_' and '%' in an e-mail match only themselves.
  RAPPORT_TRY(
      conn_.exec("DELETE FROM login_attempts WHERE kind = 'account' AND"
                 " (key = $1::text OR left(key, length($1::text) + 1) = $1::text || ' ')",
                 {email}));
  return core::ok_status();
}

}  // namespace rapport::store::postgres
