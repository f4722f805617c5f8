// Activities as use cases: the shared record service (services/record_service.hpp) with the
// activity's policy: its core rules, contacts and companies that exist within the caller's read
// scope, and its audit diff.
#pragma once

#include <vector>

#include "core/activity.hpp"
#include "services/record_service.hpp"

namespace rapport::services {

template <>
struct RecordPolicy<core::Activity> {
  static core::Status validate(store::CustomerTx& tx, core::Activity& activity,
                               const std::vector<core::CustomFieldDefinition>& fields,
                               const std::string& default_region);
  static core::Status check_links(store::CustomerTx& tx, const Caller& caller,
                                  core::Scope read_scope, const core::Activity& next,
                                  const core::Activity* current);
  static std::vector<core::FieldChange> changes(const core::Activity* before,
                                                const core::Activity& after);
};

using ActivityService = RecordService<core::Activity>;

}  // namespace rapport::services
