// `rapport user add|list|passwd|deactivate|unlock`: managing accounts from the command line.
#pragma once

#include <CLI/App.hpp>

namespace rapport::app {

void add_user_command(CLI::App& app);

}  // namespace rapport::app
