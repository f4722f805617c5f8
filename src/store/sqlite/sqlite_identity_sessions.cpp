// SqliteIdentityTx: sessions, API tokens and login attempts.
#include <string>

#include "store/sqlite/sqlite_identity_store.hpp"
#include "store/sqlite/sqlite_time.hpp"

namespace rapport::store::sqlite {
namespace {

#define RAPPORT_TOKEN_COLUMNS \
  "id, user_id, name, token_hash, scope, created_at, expires_at, last_used_at, revoked_at"

// The next token row of `s`, nullopt when there are no more.
core::Result<std::optional<ApiTokenRecord>> next_token(Statement& s) {
  RAPPORT_ASSIGN_OR_RETURN(bool row, s.step());
  if (!row) return std::optional<ApiTokenRecord>();
  ApiTokenRecord t;
  t.id = s.int64_at(0);
  t.user_id = s.int64_at(1);
  t.name = s.text_at(2);
  t.token_hash = s.text_at(3);
  RAPPORT_ASSIGN_OR_RETURN(t.scope, parse_token_scope(s.text_at(4)));
  t.created_at = time_at(s, 5);
  t.expires_at = optional_time_at(s, 6);
  t.last_used_at = optional_time_at(s, 7);
  t.revoked_at = optional_time_at(s, 8);
  return std::optional(std::move(t));
}

}  // namespace

core::Status SqliteIdentityTx::insert_session(const SessionRecord& session) {
  RAPPORT_ASSIGN_OR_RETURN(
      Statement s, conn_.prepare("INSERT INTO sessions (id_hash, user_id, created_at, "
                                 "last_seen_at, client_address) VALUES (?1, ?2, ?3, ?4, ?5)"));
  s.bind(1, std::string_view(session.id_hash)).bind(2, session.user_id);
  s.bind(3, to_epoch(session.created_at)).bind(4, to_epoch(session.last_seen_at));
  return s.bind(5, std::string_view(session.client_address)).run();
}

core::Result<std::optional<SessionRecord>> SqliteIdentityTx::find_session(
    std::string_view id_hash) {
  RAPPORT_ASSIGN_OR_RETURN(Statement s,
                           conn_.prepare("SELECT id_hash, user_id, created_at, last_seen_at, "
                                         "client_address FROM sessions WHERE id_hash = ?1"));
  RAPPORT_ASSIGN_OR_RETURN(bool row, s.bind(1, id_hash).step());
  if (!row) return std::optional<SessionRecord>();
  return std::optional(
      SessionRecord{s.text_at(0), s.int64_at(1), time_at(s, 2), time_at(s, 3), s.text_at(4)});
}

core::Status SqliteIdentityTx::touch_session(std::string_view id_hash, sys_seconds now) {
  RAPPORT_ASSIGN_OR_RETURN(
      Statement s, conn_.prepare("UPDATE sessions SET last_seen_at = ?1 WHERE id_hash = ?2"));
  return s.bind(1, to_epoch(now)).bind(2, id_hash).run();
}

core::Status SqliteIdentityTx::delete_session(std::string_view id_hash) {
  RAPPORT_ASSIGN_OR_RETURN(Statement s, conn_.prepare("DELETE FROM sessions WHERE id_hash = ?1"));
  return s.bind(1, id_hash).run();
}

core::Status SqliteIdentityTx::delete_user_sessions(std::int64_t user_id) {
  RAPPORT_ASSIGN_OR_RETURN(Statement s, conn_.prepare("DELETE FROM sessions WHERE user_id = ?1"));
  return s.bind(1, user_id).run();
}

core::Result<std::int64_t> SqliteIdentityTx::delete_expired_sessions(sys_seconds created_by,
                                                                     sys_seconds last_seen_by) {
  RAPPORT_ASSIGN_OR_RETURN(
      Statement s,
      conn_.prepare("DELETE FROM sessions WHERE created_at <= ?1 OR last_seen_at <= ?2"));
  RAPPORT_TRY(s.bind(1, to_epoch(created_by)).bind(2, to_epoch(last_seen_by)).run());
  return std::int64_t{conn_.changes()};
}

core::Result<ApiTokenRecord> SqliteIdentityTx::insert_token(const ApiTokenRecord& token) {
  RAPPORT_ASSIGN_OR_RETURN(
      Statement s,
      conn_.prepare(
          "INSERT INTO api_tokens (user_id, name, token_hash, scope, created_at, "
          "expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING " RAPPORT_TOKEN_COLUMNS));
  s.bind(1, token.user_id).bind(2, std::string_view(token.name));
  s.bind(3, std::string_view(token.token_hash)).bind(4, to_string(token.scope));
  s.bind(5, to_epoch(token.created_at)).bind(6, to_epoch(token.expires_at));
  RAPPORT_ASSIGN_OR_RETURN(auto inserted, next_token(s));
  if (!inserted) return core::Error::internal("INSERT … RETURNING gave no row");
  RAPPORT_TRY(s.run());
  return std::move(*inserted);
}

core::Result<std::optional<ApiTokenRecord>> SqliteIdentityTx::find_token(std::int64_t id) {
  RAPPORT_ASSIGN_OR_RETURN(
      Statement s, conn_.prepare("SELECT " RAPPORT_TOKEN_COLUMNS " FROM api_tokens WHERE id = ?1"));
  s.bind(1, id);
  return next_token(s);
}

core::Result<std::optional<ApiTokenRecord>> SqliteIdentityTx::find_token_by_hash(
    std::string_view hash) {
  RAPPORT_ASSIGN_OR_RETURN(Statement s, conn_.prepare("SELECT " RAPPORT_TOKEN_COLUMNS
                                                      " FROM api_tokens WHERE token_hash = ?1"));
  s.bind(1, hash);
  return next_token(s);
}

core::Result<std::vector<ApiTokenRecord>> SqliteIdentityTx::list_tokens(std::int64_t user_id) {
  RAPPORT_ASSIGN_OR_RETURN(Statement s,
                           conn_.prepare("SELECT " RAPPORT_TOKEN_COLUMNS
                                         " FROM api_tokens WHERE user_id = ?1 ORDER BY id"));
  s.bind(1, user_id);
  std::vector<ApiTokenRecord> tokens;
  for (;;) {
    RAPPORT_ASSIGN_OR_RETURN(auto t, next_token(s));
    if (!t) return tokens;
    tokens.push_back(std::move(*t));
  }
}

core::Status SqliteIdentityTx::revoke_token(std::int64_t id, sys_seconds now) {
  RAPPORT_ASSIGN_OR_RETURN(
      Statement s,
      conn_.prepare("UPDATE api_tokens SET revoked_at = coalesce(revoked_at, ?1) WHERE id = ?2"));
  RAPPORT_TRY(s.bind(1, to_epoch(now)).bind(2, id).run());
  if (conn_.changes() == 0) return core::Error::not_found("api_tokens not found");
  return core::ok_status();
}

core::Status SqliteIdentityTx::touch_token(std::int64_t id, sys_seconds now) {
  RAPPORT_ASSIGN_OR_RETURN(Statement s,
                           conn_.prepare("UPDATE api_tokens SET last_used_at = ?1 WHERE id = ?2"));
  return s.bind(1, to_epoch(now)).bind(2, id).run();
}

core::Result<std::int64_t> SqliteIdentityTx::revoke_user_tokens(std::int64_t user_id,
                                                                sys_seconds now) {
  RAPPORT_ASSIGN_OR_RETURN(Statement s, conn_.prepare("UPDATE api_tokens SET revoked_at = ?1 "
                                                      "WHERE user_id = ?2 AND revoked_at IS NULL"));
  RAPPORT_TRY(s.bind(1, to_epoch(now)).bind(2, user_id).run());
  return static_cast<std::int64_t>(conn_.changes());
}

core::Result<AttemptRow> SqliteIdentityTx::get_attempts(AttemptKind kind, std::string_view key) {
  RAPPORT_ASSIGN_OR_RETURN(Statement s,
                           conn_.prepare("SELECT failures, last_failure FROM login_attempts "
                                         "WHERE kind = ?1 AND key = ?2"));
  RAPPORT_ASSIGN_OR_RETURN(bool row, s.bind(1, to_string(kind)).bind(2, key).step());
  if (!row) return AttemptRow{};
  return AttemptRow{static_cast<int>(s.int64_at(0)), time_at(s, 1)};
}

core::Status SqliteIdentityTx::put_attempts(AttemptKind kind, std::string_view key,
                                            const AttemptRow& row) {
  RAPPORT_ASSIGN_OR_RETURN(
      Statement s, conn_.prepare("INSERT INTO login_attempts (kind, key, failures, last_failure) "
                                 "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (kind, key) DO UPDATE SET "
                                 "failures = excluded.failures, "
                                 "last_failure = excluded.last_failure"));
  s.bind(1, to_string(kind)).bind(2, key).bind(3, std::int64_t{row.failures});
  return s.bind(4, to_epoch(row.last_failure)).run();
}

core::Status SqliteIdentityTx::clear_attempts(AttemptKind kind, std::string_view key) {
  RAPPORT_ASSIGN_OR_RETURN(
      Statement s, conn_.prepare("DELETE FROM login_attempts WHERE kind = ?1 AND key = ?2"));
  return s.bind(1, to_string(kind)).bind(2, key).run();
}

core::Status SqliteIdentityTx::clear_account_attempts(std::string_view email) {
  // A prefix compare rather than LIKE, so that '_' and '%' in an e-mail match only themselves.
  RAPPORT_ASSIGN_OR_RETURN(
      Statement s, conn_.prepare("DELETE FROM login_attempts WHERE kind = 'account' AND "
                                 "(key = ?1 OR substr(key, 1, length(?1) + 1) = ?1 || ' ')"));
  return s.bind(1, email).run();
}

#undef RAPPORT_TOKEN_COLUMNS

}  // namespace rapport::store::sqlite
