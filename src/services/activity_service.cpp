// The activity's policy on the shared record service.
#include "services/activity_service.hpp"

#include <algorithm>
#include <string>

#include "services/record_audit.hpp"
#include "services/record_state.hpp"

namespace rapport::services {

namespace {

// Each record of `kind` that `ids` adds to `before` must be one the caller may read: one the
// caller cannot see is refused as if it did not exist.
core::Status check_readable(store::CustomerTx& tx, const Caller& caller, core::RecordKind kind,
                            std::string_view field, const std::vector<core::Id>& ids,
                            const std::vector<core::Id>* before) {
  const std::string noun(core::to_string(kind));
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (before != nullptr && std::find(before->begin(), before->end(), ids[i]) != before->end()) {
      continue;
    }
    auto state = readable_record(tx, caller, kind, ids[i], noun);
    if (state.ok()) continue;
    if (state.error().kind != core::ErrorKind::kNotFound) return std::move(state).error();
    return core::Error::field(std::string(field) + "/" + std::to_string(i), "no such " + noun);
  }
  return core::ok_status();
}

}  // namespace

core::Status RecordPolicy<core::Activity>::validate(
    store::CustomerTx&, core::Activity& activity,
    const std::vector<core::CustomFieldDefinition>& fields, const std::string& default_region) {
  return core::validate(activity, fields, default_region);
}

core::Status RecordPolicy<core::Activity>::check_links(store::CustomerTx& tx, const Caller& caller,
                                                       core::Scope, const core::Activity& next,
                                                       const core::Activity* current) {
  RAPPORT_TRY(check_readable(tx, caller, core::RecordKind::kContact, "contact_ids",
                             next.contact_ids, current ? &current->contact_ids : nullptr));
  return check_readable(tx, caller, core::RecordKind::kCompany, "company_ids", next.company_ids,
                        current ? &current->company_ids : nullptr);
}

std::vector<core::FieldChange> RecordPolicy<core::Activity>::changes(const core::Activity* before,
                                                                     const core::Activity& after) {
  return activity_changes(before, after);
}

}  // namespace rapport::services
