// `rapport serve`: the whole application — migrates, then serves the JSON API until a signal.
#pragma once

#include <CLI/App.hpp>

namespace rapport::app {

void add_serve_command(CLI::App& app);

}  // namespace rapport::app
