// The store interface for identity data: users, teams, sessions, API tokens, login attempts and
// the audit log. Each engine adapter implements it; services run every use case in one
// IdentityStore::transact call so that a refused request leaves the database unchanged.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/audit_entry.hpp"
#include "core/result.hpp"
#include "core/role.hpp"
#include "core/saved_view.hpp"
#include "core/team.hpp"
#include "core/user.hpp"

namespace rapport::store {

using std::chrono::sys_seconds;

struct NewUser {
  std::string email;  // normalised by the caller
  std::string display_name;
  core::Role role = core::Role::kReadOnly;
  std::optional<std::int64_t> team_id;
  std::string password_hash;
};

struct UserCredentials {
  core::User user;
  std::string password_hash;
};

// A session as stored: the id only as its hash.
struct SessionRecord {
  std::string id_hash;
  std::int64_t user_id = 0;
  sys_seconds created_at{};
  sys_seconds last_seen_at{};
  std::string client_address;
  bool operator==(const SessionRecord&) const = default;
};

enum class TokenScope { kRead, kReadWrite };

// A personal API token as stored: the secret only as its hash.
struct ApiTokenRecord {
  std::int64_t id = 0;  // assigned on insert
  std::int64_t user_id = 0;
  std::string name;
  std::string token_hash;
  TokenScope scope = TokenScope::kRead;
  sys_seconds created_at{};
  std::optional<sys_seconds> expires_at;
  std::optional<sys_seconds> last_used_at;
  std::optional<sys_seconds> revoked_at;
  bool operator==(const ApiTokenRecord&) const = default;
};

// Failed logins counted under one key: kAccount for one account tried from one client address
// (the key from account_attempt_key()), kAddress for one client address across accounts.
enum class AttemptKind { kAccount, kAddress };
struct AttemptRow {
  int failures = 0;
  sys_seconds last_failure{};
  bool operator==(const AttemptRow&) const = default;
};

// Audit log filters; entries come newest first, `before_id` is the keyset cursor.
struct AuditQuery {
  std::optional<std::int64_t> actor_id;
  std::optional<std::string> action;
  std::optional<std::string> object_type;
  std::optional<std::int64_t> object_id;
  std::optional<sys_seconds> from;  // inclusive
  std::optional<sys_seconds> to;    // exclusive
  std::optional<std::int64_t> before_id;
  int limit = 50;
};

// One record's audit entries for its timeline, newest first by (at, id): those about
// (object_type, object_id) whose action is not `except_action`, below (before_at, before_id)
// when `before_at` is set (earlier, or in the same second with a smaller id).
struct HistoryQuery {
  std::string object_type;
  std::int64_t object_id = 0;
  std::string except_action;
  std::optional<sys_seconds> before_at;
  std::int64_t before_id = 0;
  int limit = 50;
};

// The operations available inside one transaction. Failures are core::Error values: kConflict for
// a duplicate unique key, kStale for a version mismatch, kNotFound for a missing row, kInternal
// for an engine failure (its message never includes bound values). After an operation fails, the
// work must return (that error or another): on PostgreSQL the transaction can do nothing more.
class IdentityTx {
 public:
  virtual ~IdentityTx() = default;

  // Users. Lists are ordered by id, starting after `after_id`.
  virtual core::Result<core::User> insert_user(const NewUser& user, sys_seconds now) = 0;
  virtual core::Result<std::optional<core::User>> find_user(std::int64_t id) = 0;
  virtual core::Result<std::optional<UserCredentials>> find_user_by_email(
      std::string_view email) = 0;
  virtual core::Result<std::vector<core::User>> list_users(std::int64_t after_id, int limit) = 0;
  // Writes display name, role, team, active and locked of `user` when its stored version is
  // `user.version`; returns the row with version + 1 and updated_at = now.
  virtual core::Result<core::User> update_user(const core::User& user, sys_seconds now) = 0;
  virtual core::Status set_password_hash(std::int64_t user_id, std::string_view hash,
                                         sys_seconds now) = 0;
  virtual core::Result<std::int64_t> count_active_admins() = 0;

  // Teams. A team still in use (members, or contacts and companies in the trash or not) is not
  // deleted: kConflict naming the counts (team_in_use_error), so no record is left pointing at a
  // team that no longer exists.
  virtual core::Result<core::Team> insert_team(std::string_view name, sys_seconds now) = 0;
  virtual core::Result<std::optional<core::Team>> find_team(std::int64_t id) = 0;
  virtual core::Result<std::vector<core::Team>> list_teams(std::int64_t after_id, int limit) = 0;
  // Renames when the stored version is `team.version`; returns the row with version + 1.
  virtual core::Result<core::Team> update_team(const core::Team& team, sys_seconds now) = 0;
  virtual core::Status delete_team(std::int64_t id, std::int64_t version) = 0;

  // Saved views. list_views gives the views of `kind` that `owner_id` owns or that are shared
  // with `team_id` (when set), by name, then id.
  virtual core::Result<core::SavedView> insert_view(const core::SavedView& view,
                                                    sys_seconds now) = 0;
  virtual core::Result<std::optional<core::SavedView>> find_view(std::int64_t id) = 0;
  virtual core::Result<std::vector<core::SavedView>> list_views(
      core::RecordKind kind, std::int64_t owner_id, std::optional<std::int64_t> team_id) = 0;
  virtual core::Result<std::int64_t> count_views(std::int64_t owner_id) = 0;
  // Writes name, sharing, query and columns when the stored version is `view.version`; returns
  // the row with version + 1 (kStale or kNotFound otherwise).
  virtual core::Result<core::SavedView> update_view(const core::SavedView& view,
                                                    sys_seconds now) = 0;
  virtual core::Status delete_view(std::int64_t id) = 0;

  // Sessions.
  virtual core::Status insert_session(const SessionRecord& session) = 0;
  virtual core::Result<std::optional<SessionRecord>> find_session(std::string_view id_hash) = 0;
  virtual core::Status touch_session(std::string_view id_hash, sys_seconds now) = 0;
  virtual core::Status delete_session(std::string_view id_hash) = 0;
  virtual core::Status delete_user_sessions(std::int64_t user_id) = 0;
  // Deletes every session created at or before `created_by` or last seen at or before
  // `last_seen_by` (past its absolute or its idle expiry); returns how many went.
  virtual core::Result<std::int64_t> delete_expired_sessions(sys_seconds created_by,
                                                             sys_seconds last_seen_by) = 0;

  // API tokens. Lists are ordered by id.
  virtual core::Result<ApiTokenRecord> insert_token(const ApiTokenRecord& token) = 0;
  virtual core::Result<std::optional<ApiTokenRecord>> find_token(std::int64_t id) = 0;
  virtual core::Result<std::optional<ApiTokenRecord>> find_token_by_hash(std::string_view hash) = 0;
  virtual core::Result<std::vector<ApiTokenRecord>> list_tokens(std::int64_t user_id) = 0;
  virtual core::Status revoke_token(std::int64_t id, sys_seconds now) = 0;
  // Revokes every token of `user_id` not yet revoked (those keep their first time); returns how
  // many.
  virtual core::Result<std::int64_t> revoke_user_tokens(std::int64_t user_id, sys_seconds now) = 0;
  virtual core::Status touch_token(std::int64_t id, sys_seconds now) = 0;

  // Login attempts; a key never seen has zero failures.
  virtual core::Result<AttemptRow> get_attempts(AttemptKind kind, std::string_view key) = 0;
  virtual core::Status put_attempts(AttemptKind kind, std::string_view key,
                                    const AttemptRow& row) = 0;
  virtual core::Status clear_attempts(AttemptKind kind, std::string_view key) = 0;
  // Deletes the kAccount counters of `email` from every client address.
  virtual core::Status clear_account_attempts(std::string_view email) = 0;

  // Audit log: append-only. append_audit ignores entry.id and returns the new one.
  virtual core::Result<std::int64_t> append_audit(const core::AuditEntry& entry) = 0;
  virtual core::Result<std::vector<core::AuditEntry>> list_audit(const AuditQuery& query) = 0;
  // A record's own entries for its timeline (see HistoryQuery).
  virtual core::Result<std::vector<core::AuditEntry>> list_history(const HistoryQuery& query) = 0;
  // The one change the log allows: on a person's erasure, replaces the changes of every entry
  // about (object_type, object_id) with core::kRedactedChanges, keeping ids, actions and times.
  virtual core::Status redact_audit(std::string_view object_type, std::int64_t object_id) = 0;
};

class IdentityStore {
 public:
  virtual ~IdentityStore() = default;
  // Runs `work` in one transaction: commits when it returns ok, rolls back and returns its error
  // otherwise (or the engine's error if beginning or committing fails).
  virtual core::Status transact(const std::function<core::Status(IdentityTx&)>& work) = 0;
  // Runs read-only `work` on one consistent snapshot, alongside writers (on SQLite, without
  // waiting for the single writer): for the lookups of every request's authentication.
  virtual core::Status read(const std::function<core::Status(IdentityTx&)>& work) = 0;
};

// A saved view's columns as stored: a JSON array of strings; and back (kInternal when the stored
// text is no such array).
std::string view_columns_text(const std::vector<std::string>& columns);
core::Result<std::vector<std::string>> parse_view_columns(std::string_view text);

std::string_view to_string(TokenScope scope);
core::Result<TokenScope> parse_token_scope(std::string_view text);  // "read" | "read-write"

// What still refers to a team, counted when deleting it.
struct TeamUsage {
  std::int64_t members = 0;
  std::int64_t contacts = 0;
  std::int64_t companies = 0;
};

// The kConflict for deleting a team that is still in use, with the counts in words; both
// engines' delete_team answer it.
core::Error team_in_use_error(const TeamUsage& usage);
std::string_view to_string(AttemptKind kind);

// The kAccount key for a normalised e-mail tried from `client_address`: "email address". A
// normalised e-mail holds no space, so the e-mail is the key's part before its first space.
std::string account_attempt_key(std::string_view email, std::string_view client_address);

}  // namespace rapport::store
