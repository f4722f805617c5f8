// The SQLite implementation of store::IdentityStore: users, teams, sessions, API tokens,
// login attempts and the append-only audit log (schema in migrations/0002_identity.sql).
#pragma once

#include "store/identity_store.hpp"
#include "store/sqlite/sqlite_connection.hpp"
#include "store/sqlite/sqlite_database.hpp"

namespace rapport::store::sqlite {

// The operations of one transaction, on the connection transact() holds.
class SqliteIdentityTx final : public IdentityTx {
 public:
  explicit SqliteIdentityTx(SqliteConnection& conn) : conn_(conn) {}

  core::Result<core::User> insert_user(const NewUser& user, sys_seconds now) override;
  core::Result<std::optional<core::User>> find_user(std::int64_t id) override;
  core::Result<std::optional<UserCredentials>> find_user_by_email(std::string_view email) override;
  core::Result<std::vector<core::User>> list_users(std::int64_t after_id, int limit) override;
  core::Result<core::User> update_user(const core::User& user, sys_seconds now) override;
  core::Status set_password_hash(std::int64_t user_id, std::string_view hash,
                                 sys_seconds now) override;
  core::Result<std::int64_t> count_active_admins() override;

  core::Result<core::Team> insert_team(std::string_view name, sys_seconds now) override;
  core::Result<std::optional<core::Team>> find_team(std::int64_t id) override;
  core::Result<std::vector<core::Team>> list_teams(std::int64_t after_id, int limit) override;
  core::Result<core::Team> update_team(const core::Team& team, sys_seconds now) override;
  core::Status delete_team(std::int64_t id, std::int64_t version) override;
  core::Result<core::SavedView> insert_view(const core::SavedView& view, sys_seconds now) override;
  core::Result<std::optional<core::SavedView>> find_view(std::int64_t id) override;
  core::Result<std::vector<core::SavedView>> list_views(
      core::RecordKind kind, std::int64_t owner_id, std::optional<std::int64_t> team_id) override;
  core::Result<std::int64_t> count_views(std::int64_t owner_id) override;
  core::Result<core::SavedView> update_view(const core::SavedView& view, sys_seconds now) override;
  core::Status delete_view(std::int64_t id) override;

  core::Status insert_session(const SessionRecord& session) override;
  core::Result<std::optional<SessionRecord>> find_session(std::string_view id_hash) override;
  core::Status touch_session(std::string_view id_hash, sys_seconds now) override;
  core::Status delete_session(std::string_view id_hash) override;
  core::Status delete_user_sessions(std::int64_t user_id) override;
  core::Result<std::int64_t> delete_expired_sessions(sys_seconds created_by,
                                                     sys_seconds last_seen_by) override;

  core::Result<ApiTokenRecord> insert_token(const ApiTokenRecord& token) override;
  core::Result<std::optional<ApiTokenRecord>> find_token(std::int64_t id) override;
  core::Result<std::optional<ApiTokenRecord>> find_token_by_hash(std::string_view hash) override;
  core::Result<std::vector<ApiTokenRecord>> list_tokens(std::int64_t user_id) override;
  core::Status revoke_token(std::int64_t id, sys_seconds now) override;
  core::Result<std::int64_t> revoke_user_tokens(std::int64_t user_id, sys_seconds now) override;
  core::Status touch_token(std::int64_t id, sys_seconds now) override;

  core::Result<AttemptRow> get_attempts(AttemptKind kind, std::string_view key) override;
  core::Status put_attempts(AttemptKind kind, std::string_view key, const AttemptRow& row) override;
  core::Status clear_attempts(AttemptKind kind, std::string_view key) override;
  core::Status clear_account_attempts(std::string_view email) override;

  core::Result<std::int64_t> append_audit(const core::AuditEntry& entry) override;
  core::Result<std::vector<core::AuditEntry>> list_audit(const AuditQuery& query) override;
  core::Result<std::vector<core::AuditEntry>> list_history(const HistoryQuery& query) override;
  core::Status redact_audit(std::string_view object_type, std::int64_t object_id) override;

 private:
  // kNotFound when no row of `table` has `id`, kStale when one does (its version moved on).
  core::Error missing_or_stale(std::string_view table, std::int64_t id);

  SqliteConnection& conn_;
};

class SqliteIdentityStore final : public IdentityStore {
 public:
  // `db` must outlive the store and have the identity migration applied.
  explicit SqliteIdentityStore(SqliteDatabase& db) : db_(db) {}
  // On the writer connection (BEGIN IMMEDIATE): most identity use cases read, check and then
  // write, and taking the write lock up front means they never fail half-way with SQLITE_BUSY.
  core::Status transact(const std::function<core::Status(IdentityTx&)>& work) override;
  core::Status read(const std::function<core::Status(IdentityTx&)>& work) override;

 private:
  SqliteDatabase& db_;
};

}  // namespace rapport::store::sqlite
