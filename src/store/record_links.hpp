// Links between records: one row per link in the table record_links on both engines (from kind
// and id, role, to kind and id, the link's position among the record's links of that role, and a
// small attribute such as a job title), indexed from both ends. A contact's companies are its
// "employer" links; deals, activities and orders will link the same way. Shared by both engines:
// the roles and the messages, so that a bad link reads the same whatever the engine.
#pragma once

#include <cstddef>
#include <string_view>

#include "core/result.hpp"

namespace rapport::store {

// The role of a contact's link to a company it works for (core::Contact::companies).
inline constexpr std::string_view kEmployerRole = "employer";

// The field error for link `index` of a contact's companies naming no company (neither live nor
// in the trash): "companies/<index>/company_id", "no such company".
core::Error missing_company_link(std::size_t index);

}  // namespace rapport::store
