// The computations behind `rapport analytics rfm`, `pareto`, `cohorts` and `predict` on a table
// that is already loaded, with the outputs each command writes: shared by those commands and by
// `analytics report`, which runs them all on one reading of the file.
#pragma once

#include <boost/json/object.hpp>

#include <string>
#include <vector>

#include "analytics/customer_summary.hpp"
#include "analytics/transaction_table.hpp"
#include "app/analytics_input.hpp"
#include "core/result.hpp"

namespace rapport::app {

// Output paths: "" writes nothing, "-" writes to standard output.

// RFM at `snapshot` (YYYY-MM-DD; "" for the day after the last purchase): the per-customer CSV
// to csv_path and the segment summary JSON to json_path.
core::Status write_rfm(const TransactionInput& in, const analytics::TransactionTable& table,
                       const std::string& snapshot, const std::string& csv_path,
                       const std::string& json_path);

// Revenue concentration: writes the Lorenz curve CSV to lorenz_path and returns the figures
// (customers, top shares, customers for 80 %, Gini) as JSON.
core::Result<boost::json::object> concentration_report(const TransactionInput& in,
                                                       const analytics::TransactionTable& table,
                                                       const std::string& lorenz_path);

// Monthly cohorts: the long CSV to csv_path and the JSON to json_path.
core::Status write_cohorts(const TransactionInput& in, const analytics::TransactionTable& table,
                           const std::string& csv_path, const std::string& json_path);

struct ModelOptions {
  TransactionInput input;
  std::string period = "week";
  std::string calibration_end;
  std::string holdout_end;
  std::vector<std::string> models = {"bgnbd", "pareto_nbd", "gamma_gamma"};
  bool json = false;
  double horizon = 0;
  std::string out = "-";
  int clv_months = 12;
  double discount_rate = 0.01;
};

// Calibration (and hold-out) summaries of a loaded file; fills import_report (rows read, kept,
// skipped) when given. Fails when no customer bought by the end of calibration.
core::Result<analytics::CalibrationSummaries> summarize_input(
    const ModelOptions& o, const analytics::LoadedTransactions& loaded,
    boost::json::object* import_report);

// BG/NBD and Gamma-Gamma fitted on the calibration summaries, and per customer the expected
// purchases over o.horizon, P(alive), expected spend and CLV: the CSV to csv_path and the fitted
// parameters to json_path. `fit_seconds`, when given, receives the time the fits took.
core::Status write_predictions(const ModelOptions& o, const analytics::CustomerSummaries& s,
                               const std::string& csv_path, const std::string& json_path,
                               double* fit_seconds = nullptr);

}  // namespace rapport::app
