// Constraint violations in words, shared by the SQLite and PostgreSQL error mappings.
#include "store/constraint_errors.hpp"

#include <string>

namespace rapport::store {

core::Error unique_violation(std::string_view table) {
  auto on_field = [](std::string message, std::string field, std::string field_message) {
    return core::Error{core::ErrorKind::kConflict,
                       std::move(message),
                       {{std::move(field), std::move(field_message)}}};
  };
  if (table == "teams") {
    return on_field("a team with this name already exists", "name", "is already taken");
  }
  if (table == "users") {
    return on_field("a user with this e-mail address already exists", "email", "is already taken");
  }
  if (table == "custom_fields") {
    return on_field("a custom field with this key already exists", "key",
                    "is already used by another custom field");
  }
  return core::Error::conflict("a record with these values already exists");
}

core::Error constraint_violation() {
  return core::Error::conflict("the change conflicts with data already stored");
}

}  // namespace rapport::store
