// `rapport analytics`: the parent command and the helpers its subcommands share.
#include "app/cli_analytics.hpp"

#include <boost/json/serialize.hpp>

#include <cmath>
#include <fstream>
#include <iostream>

#include "app/cli_analytics_parts.hpp"
#include "app/commands.hpp"

namespace rapport::app {

void add_analytics_command(CLI::App& app) {
  auto* analytics = app.add_subcommand(
      "analytics", "Customer analytics from a transaction file: models, RFM, concentration, …");
  analytics->require_subcommand(1);
  analytics->footer(
      "Every subcommand reads a CSV of purchase lines; see `rapport analytics fit --help` and "
      "docs/analytics.md.");
  add_analytics_models_commands(*analytics);
  add_analytics_rfm_command(*analytics);
  add_analytics_pareto_command(*analytics);
  add_analytics_cohorts_command(*analytics);
  add_analytics_recommend_command(*analytics);
  add_analytics_forecast_command(*analytics);
  add_analytics_report_command(*analytics);
}

void run_analytics(const std::function<core::Status()>& action) {
  const auto status = action();
  if (status.ok()) return;
  const auto& error = status.error();
  std::cerr << "rapport analytics: " << error.message << '\n';
  for (const auto& field : error.fields) {
    if (error.message.find(field.message) == std::string::npos) {
      std::cerr << "  " << field.field << ": " << field.message << '\n';
    }
  }
  set_exit_code(error.kind == core::ErrorKind::kInvalid ? 2 : 1);
}

boost::json::value json_number(double value) {
  if (!std::isfinite(value)) return nullptr;
  return value;
}

core::Status write_json(const boost::json::value& value, const std::string& path,
                        const std::string& option) {
  if (path.empty() || path == "-") {
    std::cout << boost::json::serialize(value) << '\n';
    return core::ok_status();
  }
  std::ofstream out(path, std::ios::binary);
  out << boost::json::serialize(value) << '\n';
  out.close();
  if (!out) return core::Error::field(option, "cannot write " + path);
  return core::ok_status();
}

}  // namespace rapport::app
