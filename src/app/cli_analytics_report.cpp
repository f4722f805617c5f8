// `rapport analytics report`: RFM, concentration, cohorts and the BG/NBD + Gamma-Gamma
// predictions from one reading of the transaction file, written as the separate commands write
// them, with the time each step took.
#include <boost/json/object.hpp>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <memory>
#include <string>
#include <system_error>

#include "app/analytics_input.hpp"
#include "app/cli_analytics_parts.hpp"
#include "app/cli_analytics_steps.hpp"

namespace rapport::app {
namespace {

namespace json = boost::json;

struct ReportOptions {
  ModelOptions model;
  std::string snapshot;
  std::string out_dir;
};

// Wall and CPU seconds (all threads) of each step, in the order they ran.
class StepClock {
 public:
  StepClock() { restart(); }
  void lap(const char* step) {
    const auto now = std::chrono::steady_clock::now();
    const std::clock_t cpu = std::clock();
    wall_[step] = std::chrono::duration<double>(now - wall_start_).count();
    cpu_[step] = static_cast<double>(cpu - cpu_start_) / CLOCKS_PER_SEC;
    restart();
  }
  json::object wall() const { return wall_; }
  json::object cpu() const { return cpu_; }

 private:
  void restart() {
    wall_start_ = std::chrono::steady_clock::now();
    cpu_start_ = std::clock();
  }
  std::chrono::steady_clock::time_point wall_start_;
  std::clock_t cpu_start_ = 0;
  json::object wall_;
  json::object cpu_;
};

core::Status run_report(const ReportOptions& o) {
  const std::filesystem::path dir(o.out_dir);
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  if (error) return core::Error::field("--out-dir", "cannot create " + o.out_dir);
  auto path = [&dir](const char* name) { return (dir / name).string(); };
  const TransactionInput& in = o.model.input;

  StepClock clock;
  RAPPORT_ASSIGN_OR_RETURN(auto loaded, load_transaction_input(in, kRfmColumns));
  clock.lap("load");
  RAPPORT_TRY(write_rfm(in, loaded.table, o.snapshot, path("rfm.csv"), path("rfm.json")));
  clock.lap("rfm");
  RAPPORT_ASSIGN_OR_RETURN(const json::object concentration,
                           concentration_report(in, loaded.table, path("lorenz.csv")));
  RAPPORT_TRY(write_json(concentration, path("pareto.json"), "--out-dir"));
  clock.lap("pareto");
  RAPPORT_TRY(write_cohorts(in, loaded.table, path("cohorts.csv"), path("cohorts.json")));
  clock.lap("cohorts");
  json::object import_report;
  RAPPORT_ASSIGN_OR_RETURN(auto summaries, summarize_input(o.model, loaded, &import_report));
  // The models need only the per-customer summaries: the lines go before the fits.
  loaded.table.clear();
  clock.lap("summaries");
  double fit_seconds = 0;
  RAPPORT_TRY(write_predictions(o.model, summaries.calibration, path("predict.csv"),
                                path("predict.json"), &fit_seconds));
  clock.lap("predict");

  json::object report{{"out_dir", o.out_dir},
                      {"customers", summaries.calibration.size()},
                      {"import", std::move(import_report)},
                      {"seconds", clock.wall()},
                      {"cpu_seconds", clock.cpu()},
                      {"fit_seconds", fit_seconds}};
  return write_json(report, "-", "--json");
}

}  // namespace

void add_analytics_report_command(CLI::App& analytics) {
  auto o = std::make_shared<ReportOptions>();
  auto* report = analytics.add_subcommand(
      "report",
      "RFM, concentration, cohorts and predictions from one reading of the file (all at once)");
  add_transaction_options(*report, o->model.input);
  report->add_option("--out-dir", o->out_dir, "Directory for the output files")->required();
  report->add_option("--snapshot", o->snapshot,
                     "RFM snapshot day (YYYY-MM-DD; default the day after the last purchase)");
  report->add_option("--period", o->model.period, "Time unit of the models: day, week, month")
      ->check(CLI::IsMember({"day", "week", "month"}));
  report
      ->add_option("--calibration-end", o->model.calibration_end,
                   "Last day of the models' calibration period (YYYY-MM-DD)")
      ->required();
  report->add_option("--horizon", o->model.horizon, "Expected purchases over the next T periods")
      ->required()
      ->check(CLI::NonNegativeNumber);
  report->add_option("--clv-months", o->model.clv_months, "CLV horizon in months (default 12)")
      ->check(CLI::Range(1, 1200));
  report
      ->add_option("--discount-rate", o->model.discount_rate,
                   "Monthly discount rate of the CLV (default 0.01)")
      ->check(CLI::Range(0.0, 10.0));
  report->footer(
      "Writes into --out-dir what the separate commands write:\n"
      "  rfm.csv, rfm.json          analytics rfm --out rfm.csv --json\n"
      "  lorenz.csv, pareto.json    analytics pareto --out lorenz.csv --json\n"
      "  cohorts.csv, cohorts.json  analytics cohorts --out cohorts.csv --json\n"
      "  predict.csv, predict.json  analytics predict --out predict.csv --json\n"
      "and prints on standard output a JSON summary with the wall and CPU seconds of each step\n"
      "(load, rfm, pareto, cohorts, summaries, predict).\n"
      "Example:\n"
      "  rapport analytics report --transactions sales.csv --customer-col customer_id \\\n"
      "    --date-col date --invoice-col invoice --quantity-col quantity --price-col unit_price "
      "\\\n"
      "    --period week --calibration-end 2024-01-01 --horizon 52 --out-dir report/");
  report->callback([o] { run_analytics([&] { return run_report(*o); }); });
}

}  // namespace rapport::app
