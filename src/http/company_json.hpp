// Companies on the wire: the JSON a client reads, and the fields a client may write (an
// allowlist; server-owned fields such as id, version and created_* are refused with a field
// error).
#pragma once

#include <boost/json.hpp>

#include "core/company.hpp"
#include "core/result.hpp"
#include "services/record_access.hpp"

namespace rapport::http {

// id, version, name, domains, industry, size, annual_revenue {amount_minor, currency} or null,
// addresses [{type, street, locality, region, postal_code, country}], parent_id, owner_id,
// team_id, tags, notes, custom {key: value}, created_at, created_by, updated_at, updated_by,
// deleted_at.
boost::json::object company_to_json(const core::Company& company);

// Writes the fields present in `body` onto `company` (null clears a field; `custom` merges by
// key, null removing one) and records their names in `supplied`. kInvalid with every field
// error: unknown or server-owned fields, wrong types.
core::Status apply_company_json(const boost::json::object& body, core::Company& company,
                                services::FieldSet& supplied);

// `error` with core's field paths renamed to the wire's (annual_revenue/minor_units is
// annual_revenue/amount_minor on the wire).
core::Error company_wire_error(core::Error error);

}  // namespace rapport::http
