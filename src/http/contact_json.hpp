// Contacts on the wire: the JSON a client reads, and the fields a client may write (an allowlist;
// server-owned fields such as id, version and created_* are refused with a field error).
#pragma once

#include <boost/json.hpp>

#include "core/contact.hpp"
#include "core/result.hpp"
#include "services/contact_service.hpp"

namespace rapport::http {

// id, version, given_name, family_name, display_name, emails [{address, type, primary}],
// phones [{number, e164, type, primary, region}], addresses [{type, street, locality, region,
// postal_code, country}], consents [{channel, granted, at, source}], companies [{company_id,
// job_title}], tags, owner_id, team_id, lifecycle_stage, lead_source, preferred_language,
// time_zone, notes, custom {key: value}, created_at, created_by, updated_at, updated_by,
// deleted_at.
boost::json::object contact_to_json(const core::Contact& contact);

// Writes the fields present in `body` onto `contact` (null clears a field; `custom` merges by key,
// null removing one) and records their names in `supplied`. kInvalid with every field error:
// unknown or server-owned fields, wrong types.
core::Status apply_contact_json(const boost::json::object& body, core::Contact& contact,
                                services::FieldSet& supplied);

}  // namespace rapport::http
