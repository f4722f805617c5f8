// The one place the http layer logs failures. It logs route templates, never targets, headers
// or bodies, so cookies, tokens and personal data in query strings stay out of the log.
#pragma once

#include <boost/system/error_code.hpp>
#include <cstddef>
#include <string_view>

#include "core/error.hpp"

namespace rapport::http {

// A handler or middleware returned an error that maps to a 5xx status.
void log_server_error(std::string_view route, const core::Error& error);
// A handler threw; the client got a 500 problem without the details logged here.
void log_handler_exception(std::string_view route, std::string_view what);
// A connection failed at `stage` ("accept", "read", "write") for a reason other than the client
// going away or timing out, which are logged at debug level only.
void log_connection_error(std::string_view stage, const boost::system::error_code& ec);

// A connection was closed on accept because `limit` connections are open.
void log_connection_refused(std::size_t limit);

}  // namespace rapport::http
