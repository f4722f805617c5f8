// The shared command-line pieces: database option, operator caller, failure reporting.
#include "app/cli_options.hpp"

#include <iostream>

#include "app/commands.hpp"

namespace rapport::app {

void add_database_option(CLI::App& command, std::string& target) {
  target = kDefaultDatabase;
  command
      .add_option("--database", target, "SQLite file or postgresql:// URL (default var/rapport.db)")
      ->envname("RAPPORT_DATABASE");
}

services::Caller operator_caller() {
  services::Caller caller;
  caller.user_id = 0;
  caller.role = core::Role::kAdmin;
  caller.client_address = "cli";
  return caller;
}

int report_failure(const core::Error& error) {
  std::cerr << "rapport: " << error.message << '\n';
  for (const auto& field : error.fields) {
    if (error.message.find(field.message) == std::string::npos) {
      std::cerr << "  " << field.field << ": " << field.message << '\n';
    }
  }
  return error.kind == core::ErrorKind::kInvalid ? 2 : 1;
}

void run_action(const std::function<core::Status()>& action) {
  if (auto status = action(); !status.ok()) set_exit_code(report_failure(status.error()));
}

}  // namespace rapport::app
