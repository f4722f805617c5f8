// Field-level before/after values of a contact for the audit log.
#pragma once

#include <vector>

#include "core/audit_entry.hpp"
#include "core/contact.hpp"

namespace rapport::services {

// The fields that differ between `before` (null for a new contact) and `after`, each value as
// compact text (lists joined, custom values as key=value).
std::vector<core::FieldChange> contact_changes(const core::Contact* before,
                                               const core::Contact& after);

}  // namespace rapport::services
