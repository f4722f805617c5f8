// `rapport analytics`: customer-base models, RFM, concentration, cohorts, forecasts and offers
// computed from a transaction file (docs/analytics.md is the guide).
#pragma once

#include <CLI/App.hpp>

namespace rapport::app {

// Adds `analytics` with its subcommands fit, predict, rfm, pareto, cohorts, forecast, recommend
// and report.
void add_analytics_command(CLI::App& app);

}  // namespace rapport::app
