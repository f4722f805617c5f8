// The company's policy on the shared record service.
#include "services/company_service.hpp"

#include <optional>
#include <set>

#include "services/record_audit.hpp"

namespace rapport::services {

core::Status RecordPolicy<core::Company>::validate(
    store::CustomerTx&, core::Company& company,
    const std::vector<core::CustomFieldDefinition>& fields, const std::string& default_region) {
  return core::validate(company, fields, default_region);
}

// Walks up from the parent: it must exist within the caller's read scope and must not be the
// company itself or one of its descendants (which would make a cycle).
core::Status RecordPolicy<core::Company>::check_links(store::CustomerTx& tx, const Caller& caller,
                                                      core::Scope read_scope,
                                                      const core::Company& next,
                                                      const core::Company* current) {
  if (!next.parent_id || (current != nullptr && current->parent_id == next.parent_id)) {
    return core::ok_status();
  }
  std::set<core::Id> seen;
  std::optional<core::Id> up = next.parent_id;
  bool first = true;
  while (up) {
    if (*up == next.id) {
      return core::Error::field("parent_id", "would make the company its own ancestor");
    }
    // Stops on a cycle further up that this company is not part of.
    if (!seen.insert(*up).second) break;
    auto parent = store::get<core::Company>(tx, *up);
    if (!parent.ok()) {
      if (parent.error().kind != core::ErrorKind::kNotFound) return std::move(parent).error();
      if (first) return core::Error::field("parent_id", "no such company");
      return core::ok_status();
    }
    if (first && !within(caller, read_scope, ownership_of(*parent))) {
      return core::Error::field("parent_id", "no such company");
    }
    first = false;
    up = parent->parent_id;
  }
  return core::ok_status();
}

std::vector<core::FieldChange> RecordPolicy<core::Company>::changes(const core::Company* before,
                                                                    const core::Company& after) {
  return company_changes(before, after);
}

}  // namespace rapport::services
