// Registers every subcommand of `rapport` on the CLI11 application; each lives in its own file.
#pragma once

#include <CLI/App.hpp>

namespace rapport::app {

// Adds all subcommands; their callbacks record the process exit code.
void add_commands(CLI::App& app);

// The exit code set by the subcommand that ran (0 when none failed).
int exit_code();
void set_exit_code(int code);

}  // namespace rapport::app
