// User management use cases.
#include "services/user_service.hpp"

#include "core/audit_entry.hpp"
#include "core/email.hpp"
#include "core/list_query.hpp"
#include "services/audit_service.hpp"
#include "services/team_service.hpp"

namespace rapport::services {
namespace {

using core::Action;
using core::ObjectType;

std::string team_text(std::optional<std::int64_t> team) {
  return team ? std::to_string(*team) : std::string("none");
}

std::optional<std::string> opt_team_text(std::optional<std::int64_t> team) {
  if (!team) return std::nullopt;
  return std::to_string(*team);
}

std::string bool_text(bool b) { return b ? "true" : "false"; }

std::string user_created_changes(const core::User& u) {
  return core::changes_to_json({{"email", std::nullopt, u.email},
                                {"display_name", std::nullopt, u.display_name},
                                {"role", std::nullopt, std::string(core::to_string(u.role))},
                                {"team_id", std::nullopt, opt_team_text(u.team_id)}});
}

core::Status check_team(store::IdentityTx& tx, std::optional<std::int64_t> team_id) {
  if (!team_id) return core::ok_status();
  RAPPORT_ASSIGN_OR_RETURN(auto team, tx.find_team(*team_id));
  if (!team) return core::Error::field("team_id", "no such team");
  return core::ok_status();
}

core::Result<core::User> require_user(store::IdentityTx& tx, std::int64_t id) {
  RAPPORT_ASSIGN_OR_RETURN(auto user, tx.find_user(id));
  if (!user) return core::Error::not_found("no such user");
  return std::move(*user);
}

}  // namespace

core::Result<std::string> UserService::hash_for(const UserDraft& draft,
                                                std::vector<core::FieldError>& errors) const {
  auto hash = hasher_.hash(draft.password);
  if (!hash.ok()) {
    for (auto& f : hash.error().fields) errors.push_back(f);
    if (hash.error().kind != core::ErrorKind::kInvalid) return std::move(hash).error();
  }
  if (!errors.empty()) return core::Error::invalid("the user has invalid fields", errors);
  return hash;
}

core::Result<core::User> UserService::insert(store::IdentityTx& tx, const UserDraft& draft,
                                             std::string_view password_hash,
                                             std::optional<std::int64_t> actor,
                                             std::string_view client_address) {
  RAPPORT_TRY(check_team(tx, draft.team_id));
  RAPPORT_ASSIGN_OR_RETURN(std::string email, core::normalize_email(draft.email));
  RAPPORT_ASSIGN_OR_RETURN(std::string name, core::normalize_display_name(draft.display_name));
  const auto now = clock_();
  RAPPORT_ASSIGN_OR_RETURN(
      core::User user,
      tx.insert_user({email, name, draft.role, draft.team_id, std::string(password_hash)}, now));
  RAPPORT_TRY(append_audit(tx, actor, client_address, "create", "users", user.id,
                           user_created_changes(user), now));
  return user;
}

core::Result<core::User> UserService::create(const Caller& caller, const UserDraft& draft,
                                             std::string_view team_name) {
  // Refuse early so that a forbidden caller cannot make the server spend an argon2id hash; the
  // check is repeated inside the transaction below.
  RAPPORT_TRY(authorize(caller, ObjectType::kUsers, Action::kCreate));
  std::vector<core::FieldError> errors;
  if (auto e = core::normalize_email(draft.email); !e.ok()) errors.push_back(e.error().fields[0]);
  if (auto n = core::normalize_display_name(draft.display_name); !n.ok()) {
    errors.push_back(n.error().fields[0]);
  }
  if (!team_name.empty()) {
    if (auto t = core::normalize_team_name(team_name); !t.ok()) {
      const auto& error = t.error();
      errors.push_back({"team", error.fields.empty() ? error.message : error.fields[0].message});
    }
  }
  RAPPORT_ASSIGN_OR_RETURN(std::string hash, hash_for(draft, errors));
  std::optional<core::User> created;
  RAPPORT_TRY(store_.transact([&](store::IdentityTx& tx) -> core::Status {
    RAPPORT_TRY(authorize(caller, ObjectType::kUsers, Action::kCreate));
    UserDraft placed = draft;
    if (!team_name.empty()) {
      RAPPORT_ASSIGN_OR_RETURN(placed.team_id,
                               find_or_create_team(tx, caller, team_name, clock_()));
    }
    RAPPORT_ASSIGN_OR_RETURN(created,
                             insert(tx, placed, hash, audit_actor(caller), caller.client_address));
    return core::ok_status();
  }));
  return std::move(*created);
}

core::Result<core::User> UserService::bootstrap_admin(const UserDraft& draft) {
  std::vector<core::FieldError> errors;
  if (auto e = core::normalize_email(draft.email); !e.ok()) errors.push_back(e.error().fields[0]);
  if (auto n = core::normalize_display_name(draft.display_name); !n.ok()) {
    errors.push_back(n.error().fields[0]);
  }
  RAPPORT_ASSIGN_OR_RETURN(std::string hash, hash_for(draft, errors));
  UserDraft admin = draft;
  admin.role = core::Role::kAdmin;
  std::optional<core::User> created;
  RAPPORT_TRY(store_.transact([&](store::IdentityTx& tx) -> core::Status {
    RAPPORT_ASSIGN_OR_RETURN(std::int64_t admins, tx.count_active_admins());
    if (admins > 0) return core::Error::conflict("an active admin already exists");
    RAPPORT_ASSIGN_OR_RETURN(
        created, insert(tx, admin, hash, std::nullopt, console_caller().client_address));
    return core::ok_status();
  }));
  return std::move(*created);
}

core::Result<core::User> UserService::get(const Caller& caller, std::int64_t id) {
  std::optional<core::User> found;
  RAPPORT_TRY(store_.transact([&](store::IdentityTx& tx) -> core::Status {
    RAPPORT_TRY(authorize(caller, ObjectType::kUsers, Action::kRead));
    RAPPORT_ASSIGN_OR_RETURN(found, require_user(tx, id));
    return core::ok_status();
  }));
  return std::move(*found);
}

core::Result<UserPage> UserService::list(const Caller& caller, std::int64_t after_id, int limit) {
  if (limit < 1 || limit > core::kMaxPageSize) {
    return core::Error::field("limit", "must be between 1 and 500");
  }
  UserPage page;
  RAPPORT_TRY(store_.transact([&](store::IdentityTx& tx) -> core::Status {
    RAPPORT_TRY(authorize(caller, ObjectType::kUsers, Action::kRead));
    RAPPORT_ASSIGN_OR_RETURN(page.items, tx.list_users(after_id, limit + 1));
    return core::ok_status();
  }));
  if (static_cast<int>(page.items.size()) > limit) {
    page.items.resize(static_cast<std::size_t>(limit));
    page.next = page.items.back().id;
  }
  return page;
}

core::Result<core::User> UserService::update(const Caller& caller, std::int64_t id,
                                             std::int64_t version, const UserPatch& patch) {
  std::optional<std::string> name;
  if (patch.display_name) {
    RAPPORT_ASSIGN_OR_RETURN(name, core::normalize_display_name(*patch.display_name));
  }
  const auto now = clock_();
  std::optional<core::User> updated;
  RAPPORT_TRY(store_.transact([&](store::IdentityTx& tx) -> core::Status {
    RAPPORT_TRY(authorize(caller, ObjectType::kUsers, Action::kUpdate));
    RAPPORT_ASSIGN_OR_RETURN(core::User before, require_user(tx, id));
    if (before.version != version) return core::Error::stale("the user was changed meanwhile");
    core::User after = before;
    if (name) after.display_name = *name;
    if (patch.role) after.role = *patch.role;
    if (patch.team_id) {
      RAPPORT_TRY(check_team(tx, *patch.team_id));
      after.team_id = *patch.team_id;
    }
    if (patch.active) after.active = *patch.active;
    const bool was_admin = before.role == core::Role::kAdmin && before.active;
    const bool is_admin = after.role == core::Role::kAdmin && after.active;
    if (was_admin && !is_admin) {
      RAPPORT_ASSIGN_OR_RETURN(std::int64_t admins, tx.count_active_admins());
      if (admins <= 1) return core::Error::conflict("the last active admin must stay an admin");
    }
    RAPPORT_ASSIGN_OR_RETURN(updated, tx.update_user(after, now));
    // Deactivation ends every credential: reactivating the account does not bring them back.
    if (before.active && !after.active) {
      RAPPORT_TRY(tx.delete_user_sessions(id));
      RAPPORT_TRY(tx.revoke_user_tokens(id, now));
    }
    const std::string changes =
        core::changes_to_json({{"display_name", before.display_name, after.display_name},
                               {"role", std::string(core::to_string(before.role)),
                                std::string(core::to_string(after.role))},
                               {"team_id", team_text(before.team_id), team_text(after.team_id)},
                               {"active", bool_text(before.active), bool_text(after.active)}});
    const char* action = before.role != after.role ? "role_change" : "update";
    return append_audit(tx, audit_actor(caller), caller.client_address, action, "users", id,
                        changes, now);
  }));
  return std::move(*updated);
}

core::Result<core::User> UserService::update_preferences(const Caller& caller, std::int64_t version,
                                                         const PreferencesPatch& patch) {
  if (caller.read_only_token) {
    return core::Error::forbidden("this API token may only read; its scope is read");
  }
  std::vector<core::FieldError> errors;
  const auto check = [&](const std::optional<std::optional<std::string>>& value,
                         auto normalize) -> std::optional<std::optional<std::string>> {
    if (!value || !*value) return value;
    auto normalized = normalize(**value);
    if (!normalized.ok()) {
      errors.push_back(normalized.error().fields[0]);
      return std::nullopt;
    }
    return std::optional<std::string>(std::move(normalized).value());
  };
  const auto language =
      check(patch.language, [](std::string_view v) { return core::normalize_ui_language(v); });
  const auto time_zone =
      check(patch.time_zone, [](std::string_view v) { return core::normalize_time_zone(v); });
  if (!errors.empty()) return core::Error::invalid("the preferences are not valid", errors);
  const auto now = clock_();
  std::optional<core::User> updated;
  RAPPORT_TRY(store_.transact([&](store::IdentityTx& tx) -> core::Status {
    RAPPORT_ASSIGN_OR_RETURN(core::User before, require_user(tx, caller.user_id));
    if (before.version != version) return core::Error::stale("the user was changed meanwhile");
    core::User after = before;
    if (language) after.language = *language;
    if (time_zone) after.time_zone = *time_zone;
    RAPPORT_ASSIGN_OR_RETURN(updated, tx.update_user(after, now));
    const std::string changes =
        core::changes_to_json({{"language", before.language, after.language},
                               {"time_zone", before.time_zone, after.time_zone}});
    return append_audit(tx, audit_actor(caller), caller.client_address, "update", "users",
                        caller.user_id, changes, now);
  }));
  return std::move(*updated);
}

core::Result<core::User> UserService::unlock(const Caller& caller, std::int64_t id) {
  const auto now = clock_();
  std::optional<core::User> updated;
  RAPPORT_TRY(store_.transact([&](store::IdentityTx& tx) -> core::Status {
    RAPPORT_TRY(authorize(caller, ObjectType::kUsers, Action::kUpdate));
    RAPPORT_ASSIGN_OR_RETURN(core::User user, require_user(tx, id));
    RAPPORT_TRY(tx.clear_account_attempts(user.email));
    if (!user.locked) {
      updated = user;
      return core::ok_status();
    }
    user.locked = false;
    RAPPORT_ASSIGN_OR_RETURN(updated, tx.update_user(user, now));
    return append_audit(tx, audit_actor(caller), caller.client_address, "unlock", "users", id,
                        core::changes_to_json({{"locked", "true", "false"}}), now);
  }));
  return std::move(*updated);
}

core::Status UserService::reset_password(const Caller& caller, std::int64_t id,
                                         std::string_view password) {
  RAPPORT_TRY(authorize(caller, ObjectType::kUsers, Action::kUpdate));
  RAPPORT_ASSIGN_OR_RETURN(std::string hash, hasher_.hash(password));
  const auto now = clock_();
  return store_.transact([&](store::IdentityTx& tx) -> core::Status {
    RAPPORT_TRY(authorize(caller, ObjectType::kUsers, Action::kUpdate));
    RAPPORT_TRY(require_user(tx, id));
    RAPPORT_TRY(tx.set_password_hash(id, hash, now));
    RAPPORT_TRY(tx.delete_user_sessions(id));
    RAPPORT_TRY(tx.revoke_user_tokens(id, now));
    return append_audit(tx, audit_actor(caller), caller.client_address, "password_reset", "users",
                        id, "{}", now);
  });
}

core::Result<core::User> UserService::find_by_email(std::string_view email) {
  RAPPORT_ASSIGN_OR_RETURN(std::string normalized, core::normalize_email(email));
  std::optional<core::User> found;
  RAPPORT_TRY(store_.transact([&](store::IdentityTx& tx) -> core::Status {
    RAPPORT_ASSIGN_OR_RETURN(auto creds, tx.find_user_by_email(normalized));
    if (!creds) return core::Error::not_found("no user with this e-mail");
    found = std::move(creds->user);
    return core::ok_status();
  }));
  return std::move(*found);
}

}  // namespace rapport::services
