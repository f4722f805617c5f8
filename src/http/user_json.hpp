// JSON form of a user account on the wire (never any secret).
#pragma once

#include <boost/json.hpp>

#include "core/user.hpp"

namespace rapport::http {

boost::json::object user_to_json(const core::User& user);

// "2024-05-01T12:30:00Z" for a time in whole seconds.
std::string format_seconds(std::chrono::sys_seconds t);

}  // namespace rapport::http
