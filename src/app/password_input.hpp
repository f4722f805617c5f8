// Reading a password for the command line: from standard input when it is piped (scripts), or
// typed at the terminal without echo.
#pragma once

#include <string>
#include <string_view>

#include "core/result.hpp"

namespace rapport::app {

// The password: the first line of standard input (without its line ending) when standard input
// is not a terminal; otherwise typed twice at the terminal after `prompt`, without echo, and
// required to match. kInvalid when nothing could be read or the two entries differ.
core::Result<std::string> read_new_password(std::string_view prompt);

}  // namespace rapport::app
