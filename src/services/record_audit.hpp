// Field-level before/after values of contacts, companies, activities and custom field
// definitions for the audit log.
#pragma once

#include <vector>

#include "core/activity.hpp"
#include "core/audit_entry.hpp"
#include "core/company.hpp"
#include "core/contact.hpp"
#include "core/custom_field.hpp"

namespace rapport::services {

// The fields that differ between `before` (null for a new contact) and `after`, each value as
// compact text (lists joined, custom values as key=value).
std::vector<core::FieldChange> contact_changes(const core::Contact* before,
                                               const core::Contact& after);

// The same for companies (money as "<minor units> <currency>", addresses one line each).
std::vector<core::FieldChange> company_changes(const core::Company* before,
                                               const core::Company& after);

// The same for activities (times in RFC 3339, linked ids joined).
std::vector<core::FieldChange> activity_changes(const core::Activity* before,
                                                const core::Activity& after);

// The same for custom field definitions (null `before` for a new one).
std::vector<core::FieldChange> custom_field_changes(const core::CustomFieldDefinition* before,
                                                    const core::CustomFieldDefinition& after);

}  // namespace rapport::services
