// Contacts as use cases: the shared record service (services/record_service.hpp) with the
// contact's policy: its core rules (phone numbers read where its companies are), links only to
// companies within the caller's read scope, a display name that follows the names it was derived
// from, and its audit diff.
#pragma once

#include <vector>

#include "core/contact.hpp"
#include "services/record_service.hpp"

namespace rapport::services {

template <>
struct RecordPolicy<core::Contact> {
  static core::Status validate(store::CustomerTx& tx, core::Contact& contact,
                               const std::vector<core::CustomFieldDefinition>& fields,
                               const std::string& default_region);
  static core::Status check_links(store::CustomerTx& tx, const Caller& caller,
                                  core::Scope read_scope, const core::Contact& next,
                                  const core::Contact* current);
  static void edited(const core::Contact& current, core::Contact& next, const FieldSet& supplied);
  static std::vector<core::FieldChange> changes(const core::Contact* before,
                                                const core::Contact& after);
};

using ContactService = RecordService<core::Contact>;

// The countries of `contact`'s companies in link order, as core::ContactRules holds them: each
// company's first address that names one; "" for a company without one or that does not exist.
core::Result<std::vector<std::string>> company_countries(store::CustomerTx& tx,
                                                         const core::Contact& contact);
using ContactEdit = RecordEdit<core::Contact>;

}  // namespace rapport::services
