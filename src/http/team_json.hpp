// JSON form of a team on the wire, and the one field a client writes ({"name": …}).
#pragma once

#include <boost/json.hpp>
#include <string>

#include "core/result.hpp"
#include "core/team.hpp"

namespace rapport::http {

// id, name, version, created_at, updated_at.
boost::json::object team_to_json(const core::Team& team);

// The name in {"name": …}; kInvalid with field errors for anything else.
core::Result<std::string> team_name_from_json(const boost::json::object& body);

}  // namespace rapport::http
