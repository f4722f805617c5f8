// The shared command-line pieces: database and default region options, operator caller,
// failure reporting.
#include "app/cli_options.hpp"

#include <iostream>

#include "app/commands.hpp"
#include "core/phone.hpp"

namespace rapport::app {

void add_database_option(CLI::App& command, std::string& target) {
  target = kDefaultDatabase;
  command
      .add_option("--database", target, "SQLite file or postgresql:// URL (default var/rapport.db)")
      ->envname("RAPPORT_DATABASE");
}

void add_default_region_option(CLI::App& command, std::string& target) {
  target = "TH";
  command
      .add_option("--default-region", target,
                  "ISO 3166 country in which phone numbers without a country code are read "
                  "while the organisation has stored none (default TH)")
      ->envname("RAPPORT_DEFAULT_REGION");
}

core::Status check_default_region(const std::string& region) {
  if (core::is_phone_region(region)) return core::ok_status();
  return core::Error::field("--default-region", "must be an ISO 3166 country code such as NL");
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
