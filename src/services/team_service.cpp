// Team management use cases.
#include "services/team_service.hpp"

#include "core/audit_entry.hpp"
#include "services/audit_service.hpp"

namespace rapport::services {
namespace {

using core::Action;
using core::ObjectType;

// Teams are few; one page of this size holds them all.
constexpr int kAllTeams = 10'000;

core::Result<core::Team> require_team(store::IdentityTx& tx, std::int64_t id) {
  RAPPORT_ASSIGN_OR_RETURN(auto team, tx.find_team(id));
  if (!team) return core::Error::not_found("no such team");
  return std::move(*team);
}

}  // namespace

core::Result<std::int64_t> find_or_create_team(store::IdentityTx& tx, const Caller& caller,
                                               std::string_view name_text,
                                               std::chrono::sys_seconds now) {
  RAPPORT_ASSIGN_OR_RETURN(std::string name, core::normalize_team_name(name_text));
  RAPPORT_ASSIGN_OR_RETURN(auto teams, tx.list_teams(0, kAllTeams));
  for (const auto& team : teams) {
    if (team.name == name) return team.id;
  }
  RAPPORT_TRY(authorize(caller, ObjectType::kTeams, Action::kCreate));
  RAPPORT_ASSIGN_OR_RETURN(core::Team created, tx.insert_team(name, now));
  RAPPORT_TRY(append_audit(tx, audit_actor(caller), caller.client_address, "create", "teams",
                           created.id, core::changes_to_json({{"name", std::nullopt, name}}), now));
  return created.id;
}

core::Result<core::Team> TeamService::create(const Caller& caller, std::string_view name_text) {
  RAPPORT_ASSIGN_OR_RETURN(std::string name, core::normalize_team_name(name_text));
  const auto now = clock_();
  std::optional<core::Team> created;
  RAPPORT_TRY(store_.transact([&](store::IdentityTx& tx) -> core::Status {
    RAPPORT_TRY(authorize(caller, ObjectType::kTeams, Action::kCreate));
    RAPPORT_ASSIGN_OR_RETURN(created, tx.insert_team(name, now));
    return append_audit(tx, audit_actor(caller), caller.client_address, "create", "teams",
                        created->id, core::changes_to_json({{"name", std::nullopt, name}}), now);
  }));
  return std::move(*created);
}

core::Result<core::Team> TeamService::get(const Caller& caller, std::int64_t id) {
  std::optional<core::Team> found;
  RAPPORT_TRY(store_.transact([&](store::IdentityTx& tx) -> core::Status {
    RAPPORT_TRY(authorize(caller, ObjectType::kTeams, Action::kRead));
    RAPPORT_ASSIGN_OR_RETURN(found, require_team(tx, id));
    return core::ok_status();
  }));
  return std::move(*found);
}

core::Result<std::vector<core::Team>> TeamService::list(const Caller& caller) {
  std::vector<core::Team> teams;
  RAPPORT_TRY(store_.transact([&](store::IdentityTx& tx) -> core::Status {
    RAPPORT_TRY(authorize(caller, ObjectType::kTeams, Action::kRead));
    RAPPORT_ASSIGN_OR_RETURN(teams, tx.list_teams(0, kAllTeams));
    return core::ok_status();
  }));
  return teams;
}

core::Result<core::Team> TeamService::rename(const Caller& caller, std::int64_t id,
                                             std::int64_t version, std::string_view name_text) {
  RAPPORT_ASSIGN_OR_RETURN(std::string name, core::normalize_team_name(name_text));
  const auto now = clock_();
  std::optional<core::Team> updated;
  RAPPORT_TRY(store_.transact([&](store::IdentityTx& tx) -> core::Status {
    RAPPORT_TRY(authorize(caller, ObjectType::kTeams, Action::kUpdate));
    RAPPORT_ASSIGN_OR_RETURN(core::Team team, require_team(tx, id));
    if (team.version != version) return core::Error::stale("the team was changed meanwhile");
    const std::string before = team.name;
    team.name = name;
    RAPPORT_ASSIGN_OR_RETURN(updated, tx.update_team(team, now));
    return append_audit(tx, audit_actor(caller), caller.client_address, "update", "teams", id,
                        core::changes_to_json({{"name", before, name}}), now);
  }));
  return std::move(*updated);
}

core::Status TeamService::remove(const Caller& caller, std::int64_t id, std::int64_t version) {
  const auto now = clock_();
  return store_.transact([&](store::IdentityTx& tx) -> core::Status {
    RAPPORT_TRY(authorize(caller, ObjectType::kTeams, Action::kDelete));
    RAPPORT_ASSIGN_OR_RETURN(core::Team team, require_team(tx, id));
    if (team.version != version) return core::Error::stale("the team was changed meanwhile");
    RAPPORT_TRY(tx.delete_team(id, version));
    return append_audit(tx, audit_actor(caller), caller.client_address, "delete", "teams", id,
                        core::changes_to_json({{"name", team.name, std::nullopt}}), now);
  });
}

}  // namespace rapport::services
