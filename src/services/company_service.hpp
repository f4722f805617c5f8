// Companies as use cases: the shared record service (services/record_service.hpp) with the
// company's policy: its core rules, a parent company that exists within the caller's read scope
// and is not the company itself or one of its descendants, and its audit diff.
#pragma once

#include <vector>

#include "core/company.hpp"
#include "services/record_service.hpp"

namespace rapport::services {

template <>
struct RecordPolicy<core::Company> {
  static core::Status validate(store::CustomerTx& tx, core::Company& company,
                               const std::vector<core::CustomFieldDefinition>& fields,
                               const std::string& default_region);
  static core::Status check_links(store::CustomerTx& tx, const Caller& caller,
                                  core::Scope read_scope, const core::Company& next,
                                  const core::Company* current);
  static std::vector<core::FieldChange> changes(const core::Company* before,
                                                const core::Company& after);
};

using CompanyService = RecordService<core::Company>;

}  // namespace rapport::services
