// The errors both engines give when a write breaks a database constraint: plain words and the
// field concerned, never the engine's own text (which names tables and columns).
#pragma once

#include <string_view>

#include "core/error.hpp"

namespace rapport::store {

// kConflict for a unique constraint of `table` (as the engine names it): teams → a field error
// on `name`, users → `email`, custom_fields → `key`; a general sentence for any other table.
core::Error unique_violation(std::string_view table);

// kConflict for any other broken constraint (foreign key, check, not null, trigger).
core::Error constraint_violation();

}  // namespace rapport::store
