// Contact use cases: authorise first, inside the transaction; then validate, write and audit.
#include "services/contact_service.hpp"

#include <optional>

#include "core/audit_entry.hpp"
#include "services/audit_service.hpp"
#include "services/record_audit.hpp"

namespace rapport::services {
namespace {

using core::Action;
using core::ObjectType;

core::Timestamp to_timestamp(std::chrono::sys_seconds t) {
  return std::chrono::time_point_cast<std::chrono::milliseconds>(t);
}

// Refuses owner_id/team_id values the caller may not assign with `scope`: with own scope only
// themselves and their team, with team scope members of their team, with all scope anyone.
core::Status check_assignment(store::IdentityTx& identity, const Caller& caller, core::Scope scope,
                              const core::Contact& contact, const FieldSet& supplied) {
  if (scope == core::Scope::kAll) {
    if (contact.owner_id) {
      RAPPORT_ASSIGN_OR_RETURN(auto owner, identity.find_user(*contact.owner_id));
      if (!owner) return core::Error::field("owner_id", "no such user");
    }
    if (contact.team_id) {
      RAPPORT_ASSIGN_OR_RETURN(auto team, identity.find_team(*contact.team_id));
      if (!team) return core::Error::field("team_id", "no such team");
    }
    return core::ok_status();
  }
  if (supplied.contains("team_id") && contact.team_id != caller.team_id) {
    return core::Error{core::ErrorKind::kForbidden,
                       "you may only assign contacts to your own team",
                       {{"team_id", "may only be your own team"}}};
  }
  if (!supplied.contains("owner_id") || contact.owner_id == caller.user_id) {
    return core::ok_status();
  }
  if (scope == core::Scope::kTeam && contact.owner_id && caller.team_id) {
    RAPPORT_ASSIGN_OR_RETURN(auto owner, identity.find_user(*contact.owner_id));
    if (owner && owner->team_id == caller.team_id) return core::ok_status();
  }
  return core::Error{core::ErrorKind::kForbidden,
                     "you may not assign this owner",
                     {{"owner_id", "is outside the records you may assign"}}};
}

// The rules validate() applies, with the custom field definitions read in the same transaction.
core::Result<core::ContactRules> rules_for(store::CustomerTx& customers,
                                           const std::string& region) {
  core::ContactRules rules;
  rules.default_region = region;
  RAPPORT_ASSIGN_OR_RETURN(rules.custom_fields,
                           customers.list_custom_fields(core::CustomEntity::kContact));
  return rules;
}

bool visible(const Caller& caller, core::Scope scope, const core::Contact& contact) {
  return core::within_scope(scope, caller.user_id, caller.team_id, contact.owner_id,
                            contact.team_id);
}

core::Error not_found() { return core::Error::not_found("no such contact"); }

}  // namespace

store::RecordScope record_scope(const Caller& caller, core::Scope scope) {
  switch (scope) {
    case core::Scope::kAll:
      return store::RecordScope::all();
    case core::Scope::kTeam:
      if (caller.team_id) return store::RecordScope::teams({*caller.team_id});
      return store::RecordScope::owners({caller.user_id});
    case core::Scope::kOwn:
      break;
  }
  return store::RecordScope::owners({caller.user_id});
}

core::Result<core::Contact> ContactService::create(const Caller& caller, core::Contact draft,
                                                   const FieldSet& supplied) {
  std::optional<core::Contact> created;
  RAPPORT_TRY(records_.write([&](store::CustomerTx& customers,
                                 store::IdentityTx& identity) -> core::Status {
    RAPPORT_ASSIGN_OR_RETURN(auto scope, authorize(caller, ObjectType::kContacts, Action::kCreate));
    if (!supplied.contains("owner_id")) draft.owner_id = caller.user_id;
    if (!supplied.contains("team_id")) draft.team_id = caller.team_id;
    RAPPORT_TRY(check_assignment(identity, caller, scope, draft, supplied));
    RAPPORT_ASSIGN_OR_RETURN(auto rules, rules_for(customers, default_region_));
    RAPPORT_TRY(core::validate(draft, rules));
    const auto now = clock_();
    RAPPORT_ASSIGN_OR_RETURN(created,
                             customers.create_contact(draft, {caller.user_id, to_timestamp(now)}));
    return append_audit(identity, caller.user_id, caller.client_address, "create", "contacts",
                        created->id, core::changes_to_json(contact_changes(nullptr, *created)),
                        now);
  }));
  return std::move(*created);
}

core::Result<core::Contact> ContactService::get(const Caller& caller, core::Id id) {
  RAPPORT_ASSIGN_OR_RETURN(auto scope, authorize(caller, ObjectType::kContacts, Action::kRead));
  std::optional<core::Contact> found;
  RAPPORT_TRY(records_.read([&](store::CustomerTx& customers) -> core::Status {
    auto contact = customers.get_contact(id);
    if (!contact.ok()) return std::move(contact).error();
    if (!visible(caller, scope, *contact)) return not_found();
    found = std::move(*contact);
    return core::ok_status();
  }));
  return std::move(*found);
}

core::Result<store::Page<core::Contact>> ContactService::list(const Caller& caller,
                                                              const core::ListQuery& query,
                                                              store::Shelf shelf) {
  RAPPORT_ASSIGN_OR_RETURN(auto scope, authorize(caller, ObjectType::kContacts, Action::kRead));
  if (shelf == store::Shelf::kTrash) {
    RAPPORT_TRY(authorize(caller, ObjectType::kContacts, Action::kDelete));
  }
  std::optional<store::Page<core::Contact>> page;
  RAPPORT_TRY(records_.read([&](store::CustomerTx& customers) -> core::Status {
    RAPPORT_ASSIGN_OR_RETURN(page,
                             customers.list_contacts(query, record_scope(caller, scope), shelf));
    return core::ok_status();
  }));
  return std::move(*page);
}

core::Result<core::Contact> ContactService::update(const Caller& caller, core::Id id,
                                                   std::int64_t expected_version,
                                                   const FieldSet& supplied,
                                                   const ContactEdit& edit) {
  std::optional<core::Contact> updated;
  RAPPORT_TRY(records_.write([&](store::CustomerTx& customers,
                                 store::IdentityTx& identity) -> core::Status {
    RAPPORT_ASSIGN_OR_RETURN(auto read_scope,
                             authorize(caller, ObjectType::kContacts, Action::kRead));
    auto current = customers.get_contact(id);
    if (!current.ok()) return std::move(current).error();
    if (!visible(caller, read_scope, *current)) return not_found();
    RAPPORT_ASSIGN_OR_RETURN(auto scope, authorize(caller, ObjectType::kContacts, Action::kUpdate));
    if (!visible(caller, scope, *current)) {
      return core::Error::forbidden("you may not change this contact");
    }
    if (current->meta.version != expected_version) {
      return core::Error::stale("the contact has changed since version " +
                                std::to_string(expected_version) + "; it is now at version " +
                                std::to_string(current->meta.version));
    }
    core::Contact next = *current;
    RAPPORT_TRY(edit(next));
    RAPPORT_TRY(check_assignment(identity, caller, scope, next, supplied));
    RAPPORT_ASSIGN_OR_RETURN(auto rules, rules_for(customers, default_region_));
    RAPPORT_TRY(core::validate(next, rules));
    next.id = id;
    next.meta.version = expected_version;
    const auto now = clock_();
    RAPPORT_ASSIGN_OR_RETURN(updated,
                             customers.update_contact(next, {caller.user_id, to_timestamp(now)}));
    return append_audit(identity, caller.user_id, caller.client_address, "update", "contacts", id,
                        core::changes_to_json(contact_changes(&*current, *updated)), now);
  }));
  return std::move(*updated);
}

core::Result<core::Contact> ContactService::change_shelf(const Caller& caller, core::Id id,
                                                         std::int64_t expected_version,
                                                         bool to_trash) {
  std::optional<core::Contact> moved;
  RAPPORT_TRY(records_.write([&](store::CustomerTx& customers,
                                 store::IdentityTx& identity) -> core::Status {
    RAPPORT_ASSIGN_OR_RETURN(auto read_scope,
                             authorize(caller, ObjectType::kContacts, Action::kRead));
    auto current = customers.get_contact(id);
    if (!current.ok()) return std::move(current).error();
    if (!visible(caller, read_scope, *current)) return not_found();
    RAPPORT_ASSIGN_OR_RETURN(auto scope, authorize(caller, ObjectType::kContacts, Action::kDelete));
    if (!visible(caller, scope, *current)) {
      return core::Error::forbidden("you may not delete or restore this contact");
    }
    const auto now = clock_();
    const store::Stamp stamp{caller.user_id, to_timestamp(now)};
    if (to_trash) {
      RAPPORT_ASSIGN_OR_RETURN(moved, customers.trash_contact(id, expected_version, stamp));
    } else {
      RAPPORT_ASSIGN_OR_RETURN(moved, customers.restore_contact(id, expected_version, stamp));
    }
    return append_audit(identity, caller.user_id, caller.client_address,
                        to_trash ? "delete" : "restore", "contacts", id, "{}", now);
  }));
  return std::move(*moved);
}

core::Result<core::Contact> ContactService::trash(const Caller& caller, core::Id id,
                                                  std::int64_t expected_version) {
  return change_shelf(caller, id, expected_version, true);
}

core::Result<core::Contact> ContactService::restore(const Caller& caller, core::Id id,
                                                    std::int64_t expected_version) {
  return change_shelf(caller, id, expected_version, false);
}

core::Status ContactService::erase(const Caller& caller, core::Id id) {
  return records_.write([&](store::CustomerTx& customers,
                            store::IdentityTx& identity) -> core::Status {
    RAPPORT_ASSIGN_OR_RETURN(auto scope, authorize(caller, ObjectType::kContacts, Action::kDelete));
    if (caller.role != core::Role::kAdmin || scope != core::Scope::kAll) {
      return core::Error::forbidden("only an admin may erase a contact permanently");
    }
    RAPPORT_TRY(customers.erase_contact(id));
    RAPPORT_TRY(identity.redact_audit("contacts", id));
    return append_audit(identity, caller.user_id, caller.client_address, "erase", "contacts", id,
                        "{}", clock_());
  });
}

}  // namespace rapport::services
