// Roles and their permissions: which role may do which action on which kind of object, and over
// which records (its own, its team's or all). The one table lives in role.cpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "core/result.hpp"

namespace rapport::core {

enum class Role { kAdmin, kManager, kSales, kSupport, kMarketing, kReadOnly };

enum class ObjectType {
  kContacts,
  kCompanies,
  kActivities,
  kNotes,
  kCustomFields,
  kUsers,
  kTeams,
  kTokens,
  kAudit,
  kSettings,  // the organisation's settings (default phone region)
};

// kAssign: setting a record's owner or team to anyone but the caller and the caller's team
// (handing a record to someone hands them its update and delete rights); its scope says to whom.
enum class Action { kRead, kCreate, kUpdate, kDelete, kImport, kExport, kAssign };

// Which records a grant covers. Ordered: a wider scope compares greater.
enum class Scope { kOwn, kTeam, kAll };

// The scope within which `role` may perform `action` on `object`; nullopt when it may not at all.
std::optional<Scope> allowed(Role role, ObjectType object, Action action);

// Whether a record owned by `owner_id` in team `owner_team` lies within `scope` for a caller with
// `caller_id` and `caller_team`. A record without an owner is only within kAll; a caller without
// a team has no team scope beyond their own records.
bool within_scope(Scope scope, std::int64_t caller_id, std::optional<std::int64_t> caller_team,
                  std::optional<std::int64_t> owner_id, std::optional<std::int64_t> owner_team);

// Stable wire names ("admin", "read_only", "custom_fields", "export", "team", …).
std::string_view to_string(Role role);
std::string_view to_string(ObjectType object);
std::string_view to_string(Action action);
std::string_view to_string(Scope scope);

// Parses a wire name; an unknown name is an invalid-input error naming `field`.
Result<Role> parse_role(std::string_view name, std::string_view field = "role");

}  // namespace rapport::core
