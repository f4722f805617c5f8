// `rapport migrate`: brings the database schema to this binary's version.
#pragma once

#include <CLI/App.hpp>

namespace rapport::app {

void add_migrate_command(CLI::App& app);

}  // namespace rapport::app
