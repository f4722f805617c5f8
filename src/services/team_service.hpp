// Managing teams: admins create, rename and delete them; everyone with read access lists them.
// Every change is audited.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "core/team.hpp"
#include "services/caller.hpp"
#include "store/identity_store.hpp"

namespace rapport::services {

// Inside `tx`: the id of the team called `name` (normalised), created and audited as `caller`
// when there is none yet. For adding a user to a team by name in one transaction.
core::Result<std::int64_t> find_or_create_team(store::IdentityTx& tx, const Caller& caller,
                                               std::string_view name, std::chrono::sys_seconds now);

class TeamService {
 public:
  TeamService(store::IdentityStore& store, Clock clock) : store_(store), clock_(std::move(clock)) {}

  // Creates a team; invalid for a bad name, conflict when the name is taken, forbidden unless the
  // caller may create teams.
  core::Result<core::Team> create(const Caller& caller, std::string_view name);

  // One team; not found when there is none.
  core::Result<core::Team> get(const Caller& caller, std::int64_t id);

  // Every team, by id (an organisation has tens of teams, not thousands).
  core::Result<std::vector<core::Team>> list(const Caller& caller);

  // Renames a team whose stored version is `version` (stale otherwise).
  core::Result<core::Team> rename(const Caller& caller, std::int64_t id, std::int64_t version,
                                  std::string_view name);

  // Deletes a team whose stored version is `version`; conflict (with the counts) while members,
  // contacts or companies (trashed ones too) still belong to it.
  core::Status remove(const Caller& caller, std::int64_t id, std::int64_t version);

 private:
  store::IdentityStore& store_;
  Clock clock_;
};

}  // namespace rapport::services
