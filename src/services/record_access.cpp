// Scope checks, assignment rules, stamps and audit entries shared by the owned-record services.
#include "services/record_access.hpp"

namespace rapport::services {

store::RecordScope record_scope(const Caller& caller, core::Scope scope) {
  switch (scope) {
    case core::Scope::kAll:
      return store::RecordScope::all();
    case core::Scope::kTeam:
      if (caller.team_id) return store::RecordScope::teams({*caller.team_id}, caller.user_id);
      return store::RecordScope::owners({caller.user_id});
    case core::Scope::kOwn:
      break;
  }
  return store::RecordScope::owners({caller.user_id});
}

bool within(const Caller& caller, core::Scope scope, const Ownership& owner) {
  return core::within_scope(scope, caller.user_id, caller.team_id, owner.owner_id, owner.team_id);
}

core::Result<core::Scope> authorize_record(const Caller& caller, core::ObjectType object,
                                           core::Action action, const Ownership& owner,
                                           std::string_view noun) {
  RAPPORT_ASSIGN_OR_RETURN(auto read_scope, authorize(caller, object, core::Action::kRead));
  if (!within(caller, read_scope, owner)) {
    return core::Error::not_found("no such " + std::string(noun));
  }
  if (action == core::Action::kRead) return read_scope;
  RAPPORT_ASSIGN_OR_RETURN(auto scope, authorize(caller, object, action));
  if (!within(caller, scope, owner)) {
    return core::Error::forbidden("you may not " + std::string(core::to_string(action)) + " this " +
                                  std::string(noun));
  }
  return scope;
}

Ownership baseline_ownership(const Caller& caller) { return {caller.user_id, caller.team_id}; }

core::Status check_assignment(store::IdentityTx& identity, const Caller& caller,
                              core::ObjectType object, const Ownership& baseline,
                              const Ownership& owner, const FieldSet& supplied,
                              std::string_view plural) {
  const bool owner_changes = supplied.contains("owner_id") && owner.owner_id != baseline.owner_id;
  const bool team_changes = supplied.contains("team_id") && owner.team_id != baseline.team_id;
  if (!owner_changes && !team_changes) return core::ok_status();
  const auto scope = core::allowed(caller.role, object, core::Action::kAssign);
  if (!scope) {
    return core::Error{
        core::ErrorKind::kForbidden,
        "your role may not assign " + std::string(plural) + " to another owner or team",
        {{owner_changes ? "owner_id" : "team_id", "may not be changed by you"}}};
  }
  if (*scope == core::Scope::kAll) {
    if (owner.owner_id) {
      RAPPORT_ASSIGN_OR_RETURN(auto user, identity.find_user(*owner.owner_id));
      if (!user) return core::Error::field("owner_id", "no such user");
    }
    if (owner.team_id) {
      RAPPORT_ASSIGN_OR_RETURN(auto team, identity.find_team(*owner.team_id));
      if (!team) return core::Error::field("team_id", "no such team");
    }
    return core::ok_status();
  }
  if (team_changes && owner.team_id != caller.team_id) {
    return core::Error{core::ErrorKind::kForbidden,
                       "you may only assign " + std::string(plural) + " to your own team",
                       {{"team_id", "may only be your own team"}}};
  }
  if (!owner_changes || owner.owner_id == caller.user_id) return core::ok_status();
  if (*scope == core::Scope::kTeam && owner.owner_id && caller.team_id) {
    RAPPORT_ASSIGN_OR_RETURN(auto user, identity.find_user(*owner.owner_id));
    if (user && user->team_id == caller.team_id) return core::ok_status();
  }
  return core::Error{core::ErrorKind::kForbidden,
                     "you may not assign this owner",
                     {{"owner_id", "is outside the records you may assign"}}};
}

core::Timestamp to_timestamp(std::chrono::sys_seconds t) {
  return std::chrono::time_point_cast<std::chrono::milliseconds>(t);
}

store::Stamp stamp_for(const Caller& caller, std::chrono::sys_seconds now) {
  return {audit_actor(caller), to_timestamp(now)};
}

core::Status audit(store::IdentityTx& identity, const Caller& caller, std::string_view action,
                   core::ObjectType object, core::Id id, std::string changes_json,
                   std::chrono::sys_seconds now) {
  return append_audit(identity, audit_actor(caller), caller.client_address, action,
                      core::to_string(object), id, std::move(changes_json), now);
}

}  // namespace rapport::services
