// JSON form of a user account on the wire (never any secret), and the fields a client may send
// to create or change one (an allowlist; anything else is refused with a field error).
#pragma once

#include <boost/json.hpp>

#include "core/result.hpp"
#include "core/user.hpp"
#include "services/user_service.hpp"

namespace rapport::http {

boost::json::object user_to_json(const core::User& user);

// "2024-05-01T12:30:00Z" for a time in whole seconds.
std::string format_seconds(std::chrono::sys_seconds t);

// A new user from {email, display_name, role, team_id?, password}; kInvalid with every field
// error (missing, wrong type, unknown role, unknown or server-owned field).
core::Result<services::UserDraft> user_draft_from_json(const boost::json::object& body);

// The changes in {display_name?, role?, team_id? (null: no team), active?}; kInvalid as above.
core::Result<services::UserPatch> user_patch_from_json(const boost::json::object& body);

// PATCH /api/v1/me: `language` and `time_zone`, each a string or null (clears the choice).
core::Result<services::PreferencesPatch> preferences_patch_from_json(
    const boost::json::object& body);

}  // namespace rapport::http
