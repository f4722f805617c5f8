// Activities on the wire: the JSON a client reads, and the fields a client may write (an
// allowlist; server-owned fields such as id, version and created_* are refused with a field
// error).
#pragma once

#include <boost/json/object.hpp>

#include "core/activity.hpp"
#include "core/result.hpp"
#include "services/record_access.hpp"

namespace rapport::http {

// id, version, type, subject, body, status, priority, direction, starts_at, ends_at, due_at,
// remind_at (RFC 3339 or null), duration_seconds (or null), outcome, phone, location,
// contact_ids, company_ids, owner_id, team_id, tags, custom {key: value}, created_at,
// created_by, updated_at, updated_by, deleted_at.
boost::json::object activity_to_json(const core::Activity& activity);

// Writes the fields present in `body` onto `activity` (null clears a field; `custom` merges by
// key, null removing one) and records their names in `supplied`. kInvalid with every field
// error: unknown or server-owned fields, wrong types.
core::Status apply_activity_json(const boost::json::object& body, core::Activity& activity,
                                 services::FieldSet& supplied);

}  // namespace rapport::http
