// What the subcommands share: the --database option (with RAPPORT_DATABASE) and how a failure is
// reported on standard error. They act as services::console_caller().
#pragma once

#include <CLI/App.hpp>

#include <functional>
#include <string>

#include "core/result.hpp"

namespace rapport::app {

inline constexpr const char* kDefaultDatabase = "var/rapport.db";

// Adds `--database PATH|postgresql://…` to `command`, defaulting to RAPPORT_DATABASE and then to
// var/rapport.db, written into `target`.
void add_database_option(CLI::App& command, std::string& target);

// Adds `--default-region XX` (RAPPORT_DEFAULT_REGION; default TH): where phone numbers without
// a country code are read when neither the phone, the contact's address nor its company names a
// country and no admin has stored a default region in the database.
void add_default_region_option(CLI::App& command, std::string& target);

// kInvalid on --default-region unless `region` is an upper-case ISO 3166 code such as NL.
core::Status check_default_region(const std::string& region);

// Prints "rapport: <message>" and each field error on standard error; returns the exit code for
// the error's kind (2 for invalid input, 1 otherwise).
int report_failure(const core::Error& error);

// Runs a subcommand's `action`; a failure is reported and becomes the process exit code.
void run_action(const std::function<core::Status()>& action);

}  // namespace rapport::app
