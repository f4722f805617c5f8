// `rapport demo`: loads deterministic multilingual demo data.
#pragma once

#include <CLI/App.hpp>

namespace rapport::app {

void add_demo_command(CLI::App& app);

}  // namespace rapport::app
