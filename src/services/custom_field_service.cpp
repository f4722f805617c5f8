// Custom field definition use cases: authorise, validate, write and audit in one transaction.
#include "services/custom_field_service.hpp"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "core/audit_entry.hpp"
#include "services/record_access.hpp"
#include "services/record_audit.hpp"

namespace rapport::services {
namespace {

using core::Action;
using core::ObjectType;

// Definitions are few (tens per entity), so one is found among its entity's list rather than
// through a store call of its own.
core::Result<core::CustomFieldDefinition> find(store::CustomerTx& customers, core::Id id) {
  for (auto entity : {core::RecordKind::kContact, core::RecordKind::kCompany}) {
    RAPPORT_ASSIGN_OR_RETURN(auto all, customers.list_custom_fields(entity));
    auto it = std::find_if(all.begin(), all.end(),
                           [id](const core::CustomFieldDefinition& d) { return d.id == id; });
    if (it != all.end()) return std::move(*it);
  }
  return core::Error::not_found("no such custom field");
}

core::Status check_version(const core::CustomFieldDefinition& current,
                           std::int64_t expected_version) {
  if (current.version == expected_version) return core::ok_status();
  return core::Error::stale("the custom field has changed since version " +
                            std::to_string(expected_version) + "; it is now at version " +
                            std::to_string(current.version));
}

// Removing an option that records still hold would leave them with a value every later edit
// of theirs refuses: refused with how many records use each such option.
core::Status check_removed_options(store::CustomerTx& customers,
                                   const core::CustomFieldDefinition& current,
                                   const core::CustomFieldDefinition& next) {
  std::vector<core::FieldError> in_use;
  for (const std::string& option : current.options) {
    if (std::find(next.options.begin(), next.options.end(), option) != next.options.end()) {
      continue;
    }
    RAPPORT_ASSIGN_OR_RETURN(std::int64_t uses, customers.count_option_uses(current, option));
    if (uses > 0) {
      in_use.push_back({"options", "\"" + option + "\" is used by " + std::to_string(uses) +
                                       (uses == 1 ? " record" : " records")});
    }
  }
  if (in_use.empty()) return core::ok_status();
  return core::Error{core::ErrorKind::kConflict,
                     "options still in use cannot be removed; change those records first",
                     std::move(in_use)};
}

// Values shown per refusal when turning uniqueness on; the ids per value are bounded in the store.
constexpr int kMaxDuplicatesShown = 20;

// Turning uniqueness on must not leave records sharing a value: refused with the shared values
// and the records holding them (the caller is an admin, who sees every record).
core::Status check_no_duplicates(store::CustomerTx& customers,
                                 const core::CustomFieldDefinition& next) {
  RAPPORT_ASSIGN_OR_RETURN(auto duplicates,
                           customers.custom_duplicates(next, kMaxDuplicatesShown));
  if (duplicates.empty()) return core::ok_status();
  std::vector<core::FieldError> shared;
  for (const store::CustomDuplicate& d : duplicates) {
    std::string ids;
    for (core::Id id : d.record_ids) ids += (ids.empty() ? "" : ", ") + std::to_string(id);
    shared.push_back({"unique", "\"" + d.value + "\" is held by records " + ids});
  }
  return core::Error{core::ErrorKind::kConflict,
                     "records already share values of this field; make them distinct first",
                     std::move(shared)};
}

}  // namespace

core::Result<std::vector<core::CustomFieldDefinition>> CustomFieldService::list(
    const Caller& caller, std::optional<core::RecordKind> entity) {
  RAPPORT_TRY(authorize(caller, ObjectType::kCustomFields, Action::kRead));
  std::vector<core::CustomFieldDefinition> out;
  RAPPORT_TRY(records_.read([&](store::CustomerTx& customers) -> core::Status {
    for (core::RecordKind e : core::kRecordKinds) {
      if (entity && *entity != e) continue;
      RAPPORT_ASSIGN_OR_RETURN(auto some, customers.list_custom_fields(e));
      out.insert(out.end(), std::make_move_iterator(some.begin()),
                 std::make_move_iterator(some.end()));
    }
    return core::ok_status();
  }));
  return out;
}

core::Result<core::CustomFieldDefinition> CustomFieldService::get(const Caller& caller,
                                                                  core::Id id) {
  RAPPORT_TRY(authorize(caller, ObjectType::kCustomFields, Action::kRead));
  std::optional<core::CustomFieldDefinition> found;
  RAPPORT_TRY(records_.read([&](store::CustomerTx& customers) -> core::Status {
    RAPPORT_ASSIGN_OR_RETURN(found, find(customers, id));
    return core::ok_status();
  }));
  return std::move(*found);
}

core::Result<core::CustomFieldDefinition> CustomFieldService::create(
    const Caller& caller, core::CustomFieldDefinition draft) {
  std::optional<core::CustomFieldDefinition> created;
  RAPPORT_TRY(records_.write([&](store::CustomerTx& customers,
                                 store::IdentityTx& identity) -> core::Status {
    RAPPORT_TRY(authorize(caller, ObjectType::kCustomFields, Action::kCreate));
    RAPPORT_TRY(core::validate(draft));
    const auto now = clock_();
    RAPPORT_ASSIGN_OR_RETURN(created, customers.create_custom_field(draft, stamp_for(caller, now)));
    return audit(identity, caller, "create", ObjectType::kCustomFields, created->id,
                 core::changes_to_json(custom_field_changes(nullptr, *created)), now);
  }));
  return std::move(*created);
}

core::Result<core::CustomFieldDefinition> CustomFieldService::update(const Caller& caller,
                                                                     core::Id id,
                                                                     std::int64_t expected_version,
                                                                     const CustomFieldEdit& edit) {
  std::optional<core::CustomFieldDefinition> updated;
  RAPPORT_TRY(records_.write([&](store::CustomerTx& customers,
                                 store::IdentityTx& identity) -> core::Status {
    RAPPORT_TRY(authorize(caller, ObjectType::kCustomFields, Action::kUpdate));
    RAPPORT_ASSIGN_OR_RETURN(auto current, find(customers, id));
    RAPPORT_TRY(check_version(current, expected_version));
    core::CustomFieldDefinition next = current;
    RAPPORT_TRY(edit(next));
    next.id = id;
    next.version = expected_version;
    RAPPORT_TRY(core::validate(next));
    // An edit that changes nothing is not a new version: no write, no audit entry.
    if (next == current) {
      updated = current;
      return core::ok_status();
    }
    RAPPORT_TRY(check_removed_options(customers, current, next));
    if (next.unique && !current.unique) RAPPORT_TRY(check_no_duplicates(customers, next));
    const auto now = clock_();
    RAPPORT_ASSIGN_OR_RETURN(updated, customers.update_custom_field(next, stamp_for(caller, now)));
    return audit(identity, caller, "update", ObjectType::kCustomFields, id,
                 core::changes_to_json(custom_field_changes(&current, *updated)), now);
  }));
  return std::move(*updated);
}

core::Status CustomFieldService::remove(const Caller& caller, core::Id id,
                                        std::int64_t expected_version) {
  return records_.write(
      [&](store::CustomerTx& customers, store::IdentityTx& identity) -> core::Status {
        RAPPORT_TRY(authorize(caller, ObjectType::kCustomFields, Action::kDelete));
        RAPPORT_ASSIGN_OR_RETURN(auto current, find(customers, id));
        RAPPORT_TRY(check_version(current, expected_version));
        RAPPORT_TRY(customers.delete_custom_field(id, expected_version));
        std::vector<core::FieldChange> changes = custom_field_changes(nullptr, current);
        for (auto& change : changes) std::swap(change.before, change.after);
        return audit(identity, caller, "delete", ObjectType::kCustomFields, id,
                     core::changes_to_json(changes), clock_());
      });
}

}  // namespace rapport::services
