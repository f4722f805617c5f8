// `rapport token create|list|revoke`: personal API tokens from the command line.
#pragma once

#include <CLI/App.hpp>

namespace rapport::app {

void add_token_command(CLI::App& app);

}  // namespace rapport::app
