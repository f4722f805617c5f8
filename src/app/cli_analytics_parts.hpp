// The subcommands of `rapport analytics`, each registered by its own file, and the pieces they
// share: running an action with error reporting and writing JSON.
#pragma once

#include <CLI/App.hpp>

#include <boost/json/value.hpp>

#include <functional>
#include <string>

#include "core/result.hpp"

namespace rapport::app {

void add_analytics_models_commands(CLI::App& analytics);  // fit, predict
void add_analytics_rfm_command(CLI::App& analytics);
void add_analytics_pareto_command(CLI::App& analytics);
void add_analytics_cohorts_command(CLI::App& analytics);
void add_analytics_recommend_command(CLI::App& analytics);
void add_analytics_forecast_command(CLI::App& analytics);
void add_analytics_report_command(CLI::App& analytics);  // all of rfm … predict in one reading

// Runs an analytics action; a failure is printed on standard error ("rapport analytics: …" and
// one line per field error) and sets the exit code (2 for invalid input, 1 otherwise).
void run_analytics(const std::function<core::Status()>& action);

// A JSON number, or null for NaN and infinities (JSON has no such numbers).
boost::json::value json_number(double value);

// Writes value as JSON to path ("-" or empty: standard output), followed by a newline. Fails with
// an invalid error naming `option` when the file cannot be written.
core::Status write_json(const boost::json::value& value, const std::string& path,
                        const std::string& option);

}  // namespace rapport::app
