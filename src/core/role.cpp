// The permission table of role.hpp: every grant of every role, in one place.
#include "core/role.hpp"

#include <array>
#include <string>

namespace rapport::core {
namespace {

using enum Action;
using enum ObjectType;
using enum Scope;

struct Grant {
  Role role;
  ObjectType object;
  Action action;
  Scope scope;
};

constexpr Role kAdmin = Role::kAdmin;
constexpr Role kManager = Role::kManager;
constexpr Role kSales = Role::kSales;
constexpr Role kSupport = Role::kSupport;
constexpr Role kMarketing = Role::kMarketing;
constexpr Role kReadOnly = Role::kReadOnly;

// Admins hold every permission over all records and are not listed. Every other role manages its
// own API tokens. Anything absent is denied.
constexpr std::array kGrants{
    // Managers run a team: full control over their team's customer records.
    Grant{kManager, kContacts, kRead, kTeam},
    Grant{kManager, kContacts, kCreate, kTeam},
    Grant{kManager, kContacts, kUpdate, kTeam},
    Grant{kManager, kContacts, kDelete, kTeam},
    Grant{kManager, kContacts, kImport, kTeam},
    Grant{kManager, kContacts, kExport, kTeam},
    Grant{kManager, kContacts, kAssign, kTeam},
    Grant{kManager, kCompanies, kRead, kTeam},
    Grant{kManager, kCompanies, kCreate, kTeam},
    Grant{kManager, kCompanies, kUpdate, kTeam},
    Grant{kManager, kCompanies, kDelete, kTeam},
    Grant{kManager, kCompanies, kImport, kTeam},
    Grant{kManager, kCompanies, kExport, kTeam},
    Grant{kManager, kCompanies, kAssign, kTeam},
    Grant{kManager, kActivities, kRead, kTeam},
    Grant{kManager, kActivities, kCreate, kTeam},
    Grant{kManager, kActivities, kUpdate, kTeam},
    Grant{kManager, kActivities, kDelete, kTeam},
    Grant{kManager, kActivities, kExport, kTeam},
    Grant{kManager, kActivities, kAssign, kTeam},
    Grant{kManager, kNotes, kRead, kTeam},
    Grant{kManager, kNotes, kCreate, kTeam},
    Grant{kManager, kNotes, kUpdate, kTeam},
    Grant{kManager, kNotes, kDelete, kTeam},
    Grant{kManager, kCustomFields, kRead, kAll},
    Grant{kManager, kUsers, kRead, kAll},
    Grant{kManager, kTeams, kRead, kAll},
    // Sales people see their team's customers and change only their own.
    Grant{kSales, kContacts, kRead, kTeam},
    Grant{kSales, kContacts, kCreate, kOwn},
    Grant{kSales, kContacts, kUpdate, kOwn},
    Grant{kSales, kContacts, kDelete, kOwn},
    Grant{kSales, kContacts, kExport, kOwn},
    Grant{kSales, kCompanies, kRead, kTeam},
    Grant{kSales, kCompanies, kCreate, kOwn},
    Grant{kSales, kCompanies, kUpdate, kOwn},
    Grant{kSales, kActivities, kRead, kTeam},
    Grant{kSales, kActivities, kCreate, kOwn},
    Grant{kSales, kActivities, kUpdate, kOwn},
    Grant{kSales, kActivities, kDelete, kOwn},
    Grant{kSales, kNotes, kRead, kTeam},
    Grant{kSales, kNotes, kCreate, kOwn},
    Grant{kSales, kNotes, kUpdate, kOwn},
    Grant{kSales, kNotes, kDelete, kOwn},
    Grant{kSales, kCustomFields, kRead, kAll},
    Grant{kSales, kUsers, kRead, kAll},
    Grant{kSales, kTeams, kRead, kAll},
    // Support (the call centre) must find any customer who calls, and correct their details; who
    // owns a customer is not theirs to change (no kAssign).
    Grant{kSupport, kContacts, kRead, kAll},
    Grant{kSupport, kContacts, kUpdate, kAll},
    Grant{kSupport, kCompanies, kRead, kAll},
    // The call log is theirs: every call they take is an activity of their own.
    Grant{kSupport, kActivities, kRead, kAll},
    Grant{kSupport, kActivities, kCreate, kOwn},
    Grant{kSupport, kActivities, kUpdate, kOwn},
    Grant{kSupport, kActivities, kDelete, kOwn},
    Grant{kSupport, kNotes, kRead, kAll},
    Grant{kSupport, kNotes, kCreate, kOwn},
    Grant{kSupport, kNotes, kUpdate, kOwn},
    Grant{kSupport, kCustomFields, kRead, kAll},
    Grant{kSupport, kUsers, kRead, kAll},
    Grant{kSupport, kTeams, kRead, kAll},
    // Marketing works on the whole base: lists in and out, consent and segment fields; it does
    // not hand customers to owners (no kAssign): what it creates is its own until a manager or
    // an admin assigns it.
    Grant{kMarketing, kContacts, kRead, kAll},
    Grant{kMarketing, kContacts, kCreate, kAll},
    Grant{kMarketing, kContacts, kUpdate, kAll},
    Grant{kMarketing, kContacts, kImport, kAll},
    Grant{kMarketing, kContacts, kExport, kAll},
    Grant{kMarketing, kCompanies, kRead, kAll},
    Grant{kMarketing, kCompanies, kExport, kAll},
    Grant{kMarketing, kActivities, kRead, kAll},
    Grant{kMarketing, kActivities, kCreate, kOwn},
    Grant{kMarketing, kActivities, kUpdate, kOwn},
    Grant{kMarketing, kNotes, kRead, kAll},
    Grant{kMarketing, kCustomFields, kRead, kAll},
    Grant{kMarketing, kUsers, kRead, kAll},
    Grant{kMarketing, kTeams, kRead, kAll},
    // Read-only users read the customer base and nothing else.
    Grant{kReadOnly, kContacts, kRead, kAll},
    Grant{kReadOnly, kCompanies, kRead, kAll},
    Grant{kReadOnly, kActivities, kRead, kAll},
    Grant{kReadOnly, kNotes, kRead, kAll},
    Grant{kReadOnly, kCustomFields, kRead, kAll},
    Grant{kReadOnly, kUsers, kRead, kAll},
    Grant{kReadOnly, kTeams, kRead, kAll},
};

}  // namespace

std::optional<Scope> allowed(Role role, ObjectType object, Action action) {
  if (role == Role::kAdmin) return kAll;
  if (object == kSettings) {
    // Everyone may see how the organisation is set up (how their numbers are read); only admins
    // change it.
    return action == kRead ? std::optional<Scope>(kAll) : std::nullopt;
  }
  if (object == kTokens) {
    // Tokens are personal: everyone lists, creates and revokes their own; nobody edits one.
    if (action == kRead || action == kCreate || action == kDelete) return kOwn;
    return std::nullopt;
  }
  for (const Grant& g : kGrants) {
    if (g.role == role && g.object == object && g.action == action) return g.scope;
  }
  return std::nullopt;
}

bool within_scope(Scope scope, std::int64_t caller_id, std::optional<std::int64_t> caller_team,
                  std::optional<std::int64_t> owner_id, std::optional<std::int64_t> owner_team) {
  switch (scope) {
    case kAll:
      return true;
    case kTeam:
      if (caller_team && owner_team && *caller_team == *owner_team) return true;
      return owner_id && *owner_id == caller_id;
    case kOwn:
      return owner_id && *owner_id == caller_id;
  }
  return false;
}

std::string_view to_string(Role role) {
  switch (role) {
    case Role::kAdmin:
      return "admin";
    case Role::kManager:
      return "manager";
    case Role::kSales:
      return "sales";
    case Role::kSupport:
      return "support";
    case Role::kMarketing:
      return "marketing";
    case Role::kReadOnly:
      return "read_only";
  }
  return "read_only";
}

std::string_view to_string(ObjectType object) {
  switch (object) {
    case kContacts:
      return "contacts";
    case kCompanies:
      return "companies";
    case kActivities:
      return "activities";
    case kNotes:
      return "notes";
    case kCustomFields:
      return "custom_fields";
    case kUsers:
      return "users";
    case kTeams:
      return "teams";
    case kTokens:
      return "tokens";
    case kAudit:
      return "audit";
    case kSettings:
      return "settings";
  }
  return "contacts";
}

std::string_view to_string(Action action) {
  switch (action) {
    case kRead:
      return "read";
    case kCreate:
      return "create";
    case kUpdate:
      return "update";
    case kDelete:
      return "delete";
    case kImport:
      return "import";
    case kExport:
      return "export";
    case kAssign:
      return "assign";
  }
  return "read";
}

std::string_view to_string(Scope scope) {
  switch (scope) {
    case kOwn:
      return "own";
    case kTeam:
      return "team";
    case kAll:
      return "all";
  }
  return "own";
}

Result<Role> parse_role(std::string_view name, std::string_view field) {
  for (Role r : {kAdmin, kManager, kSales, kSupport, kMarketing, kReadOnly}) {
    if (to_string(r) == name) return r;
  }
  return Error::field(std::string(field),
                      "must be one of admin, manager, sales, support, marketing, read_only");
}

}  // namespace rapport::core
