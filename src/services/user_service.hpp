// Managing users: admins create, list, change, deactivate, unlock and reset the password of
// users; the first admin is created once at set-up. Every change is audited.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "core/user.hpp"
#include "services/caller.hpp"
#include "services/password.hpp"
#include "store/identity_store.hpp"

namespace rapport::services {

struct UserDraft {
  std::string email;
  std::string display_name;
  core::Role role = core::Role::kReadOnly;
  std::optional<std::int64_t> team_id;
  std::string password;
};

// The fields an admin may change; unset fields stay as they are. `team_id` set to nullopt inside
// the optional removes the user from their team.
// A user's own choices (PATCH /api/v1/me): an absent member is left as it is, an inner nullopt
// clears the choice.
struct PreferencesPatch {
  std::optional<std::optional<std::string>> language;
  std::optional<std::optional<std::string>> time_zone;
};

struct UserPatch {
  std::optional<std::string> display_name;
  std::optional<core::Role> role;
  std::optional<std::optional<std::int64_t>> team_id;
  std::optional<bool> active;
};

struct UserPage {
  std::vector<core::User> items;
  std::optional<std::int64_t> next;  // the `after` id of the next page; unset on the last
};

class UserService {
 public:
  UserService(store::IdentityStore& store, const PasswordHasher& hasher, Clock clock)
      : store_(store), hasher_(hasher), clock_(std::move(clock)) {}

  // Creates a user. Forbidden unless the caller may create users; invalid (with fields) for a bad
  // e-mail, name or password or an unknown team; conflict when the e-mail is taken. A non-empty
  // `team_name` replaces draft.team_id: the team of that name, created in the same transaction
  // when there is none (so a refused user leaves no team behind).
  core::Result<core::User> create(const Caller& caller, const UserDraft& draft,
                                  std::string_view team_name = {});

  // Creates the first admin from the command line; conflict when an active admin exists.
  core::Result<core::User> bootstrap_admin(const UserDraft& draft);

  // One user; not found when there is none, forbidden when the caller may not read users.
  core::Result<core::User> get(const Caller& caller, std::int64_t id);

  // Users by id after `after_id`; invalid when limit is outside 1..500.
  core::Result<UserPage> list(const Caller& caller, std::int64_t after_id, int limit);

  // Applies `patch` when the stored version is `version` (stale otherwise). Deactivating a user
  // ends their sessions and revokes their API tokens; an admin cannot be demoted or deactivated
  // when they are the last active admin (conflict). Role changes are audited as "role_change".
  core::Result<core::User> update(const Caller& caller, std::int64_t id, std::int64_t version,
                                  const UserPatch& patch);

  // Sets the caller's own preferences on their account at `version` (kStale otherwise), audited.
  // Every signed-in user may, whatever their role; a read-scoped token may not (kForbidden).
  // Invalid values are kInvalid on their field.
  core::Result<core::User> update_preferences(const Caller& caller, std::int64_t version,
                                              const PreferencesPatch& patch);

  // Forgets the account's failed logins from every address, so that its sign-in delays end now,
  // and lifts the lock older versions set after repeated failures.
  core::Result<core::User> unlock(const Caller& caller, std::int64_t id);

  // Sets a new password for another user (admin reset), ends their sessions and revokes their API
  // tokens (a reset follows a forgotten or compromised password).
  core::Status reset_password(const Caller& caller, std::int64_t id, std::string_view password);

  // The user with this e-mail (for the command line); not found when there is none.
  core::Result<core::User> find_by_email(std::string_view email);

 private:
  core::Result<std::string> hash_for(const UserDraft& draft,
                                     std::vector<core::FieldError>& errors) const;
  core::Result<core::User> insert(store::IdentityTx& tx, const UserDraft& draft,
                                  std::string_view password_hash, std::optional<std::int64_t> actor,
                                  std::string_view client_address);

  store::IdentityStore& store_;
  const PasswordHasher& hasher_;
  Clock clock_;
};

}  // namespace rapport::services
