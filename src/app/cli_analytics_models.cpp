// `rapport analytics fit` and `predict`: the customer-base models (BG/NBD, Pareto/NBD,
// Gamma-Gamma) fitted on a calibration period, hold-out validation, and per-customer scores.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "analytics/bgnbd.hpp"
#include "analytics/clv.hpp"
#include "analytics/customer_summary.hpp"
#include "analytics/gamma_gamma.hpp"
#include "analytics/pareto_nbd.hpp"
#include "analytics/validation.hpp"
#include "app/analytics_input.hpp"
#include "app/cli_analytics_parts.hpp"
#include "app/cli_analytics_steps.hpp"
#include "app/csv_output.hpp"

namespace rapport::app {
namespace {

namespace json = boost::json;

constexpr double kMonthDays = 365.25 / 12.0;

bool wants(const ModelOptions& o, const std::string& model) {
  for (const auto& m : o.models)
    if (m == model) return true;
  return false;
}

analytics::Period period_of(const std::string& name) {
  if (name == "day") return analytics::Period::kDay;
  if (name == "month") return analytics::Period::kMonth;
  return analytics::Period::kWeek;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::string fixed(double value, int digits = 2) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", digits, value);
  return buf;
}

void add_model_input_options(CLI::App& command, ModelOptions& o) {
  add_transaction_options(command, o.input);
  command.add_option("--period", o.period, "Time unit of the models: day, week (default), month")
      ->check(CLI::IsMember({"day", "week", "month"}));
  command
      .add_option("--calibration-end", o.calibration_end,
                  "Last day of the calibration period (YYYY-MM-DD)")
      ->required();
}

// Reads the file and builds the calibration (and hold-out) summaries.
core::Result<analytics::CalibrationSummaries> load_summaries(const ModelOptions& o,
                                                             json::object* import_report) {
  RAPPORT_ASSIGN_OR_RETURN(const auto loaded, load_transaction_input(o.input, kRevenueColumns));
  return summarize_input(o, loaded, import_report);
}

}  // namespace

core::Result<analytics::CalibrationSummaries> summarize_input(
    const ModelOptions& o, const analytics::LoadedTransactions& loaded,
    json::object* import_report) {
  analytics::SummaryOptions options;
  options.period = period_of(o.period);
  RAPPORT_ASSIGN_OR_RETURN(options.calibration_end,
                           parse_day_option(o.calibration_end, o.input, "--calibration-end"));
  if (!o.holdout_end.empty()) {
    RAPPORT_ASSIGN_OR_RETURN(options.holdout_end,
                             parse_day_option(o.holdout_end, o.input, "--holdout-end"));
  }
  RAPPORT_ASSIGN_OR_RETURN(auto summaries, analytics::summarize(loaded.table, options));
  if (summaries.calibration.size() == 0) {
    return core::Error::field("--calibration-end",
                              "no customer bought on or before " + o.calibration_end);
  }
  if (import_report != nullptr) {
    json::object skipped;
    for (std::size_t r = 0; r < io::kSkipReasonCount; ++r) {
      skipped[io::to_string(static_cast<io::SkipReason>(r))] = loaded.summary.skipped[r].rows;
    }
    (*import_report)["rows_read"] = loaded.summary.rows_read;
    (*import_report)["rows_kept"] = loaded.summary.rows_kept;
    (*import_report)["skipped"] = std::move(skipped);
  }
  return summaries;
}

namespace {

std::size_t repeat_buyers(const analytics::CustomerSummaries& s) {
  std::size_t n = 0;
  for (const double x : s.frequency) n += x > 0 ? 1 : 0;
  return n;
}

json::object bgnbd_json(const analytics::BgNbdFit& f) {
  return {{"r", f.params.r},
          {"alpha", f.params.alpha},
          {"a", f.params.a},
          {"b", f.params.b},
          {"log_likelihood", f.log_likelihood},
          {"standard_errors",
           {{"r", json_number(f.standard_errors.r)},
            {"alpha", json_number(f.standard_errors.alpha)},
            {"a", json_number(f.standard_errors.a)},
            {"b", json_number(f.standard_errors.b)}}},
          {"converged", f.converged},
          {"evaluations", f.iterations},
          {"distinct_rows", f.distinct_rows}};
}

json::object pareto_json(const analytics::ParetoNbdFit& f) {
  return {{"r", f.params.r},
          {"alpha", f.params.alpha},
          {"s", f.params.s},
          {"beta", f.params.beta},
          {"log_likelihood", f.log_likelihood},
          {"standard_errors",
           {{"r", json_number(f.standard_errors.r)},
            {"alpha", json_number(f.standard_errors.alpha)},
            {"s", json_number(f.standard_errors.s)},
            {"beta", json_number(f.standard_errors.beta)}}},
          {"converged", f.converged},
          {"evaluations", f.iterations},
          {"distinct_rows", f.distinct_rows}};
}

json::object gamma_gamma_json(const analytics::GammaGammaFit& f) {
  return {{"p", f.params.p},
          {"q", f.params.q},
          {"v", f.params.gamma},
          {"log_likelihood", f.log_likelihood},
          {"standard_errors",
           {{"p", json_number(f.standard_errors.p)},
            {"q", json_number(f.standard_errors.q)},
            {"v", json_number(f.standard_errors.gamma)}}},
          {"converged", f.converged},
          {"evaluations", f.iterations},
          {"repeat_buyers", f.repeat_buyers}};
}

json::object holdout_model_json(const analytics::HoldoutComparison& c) {
  json::array buckets;
  for (const auto& b : c.by_frequency) {
    if (b.customers == 0) continue;
    buckets.push_back({{"frequency", b.label},
                       {"customers", b.customers},
                       {"actual", b.actual},
                       {"predicted", b.predicted}});
  }
  return {{"actual", c.actual},
          {"predicted", c.predicted},
          {"mean_absolute_error", c.mean_absolute_error},
          {"by_frequency", std::move(buckets)}};
}

// Predicted against actual purchases in the hold-out, overall and by calibration frequency.
core::Result<json::object> holdout_json(const analytics::CalibrationSummaries& summaries,
                                        const analytics::BgNbdFit* bg,
                                        const analytics::ParetoNbdFit* pn) {
  json::object out{{"length", summaries.holdout_length}};
  if (bg != nullptr) {
    RAPPORT_ASSIGN_OR_RETURN(
        const auto c,
        analytics::validate_bgnbd(summaries.calibration, bg->params, summaries.holdout_frequency,
                                  summaries.holdout_length));
    out["bgnbd"] = holdout_model_json(c);
  }
  if (pn != nullptr) {
    RAPPORT_ASSIGN_OR_RETURN(
        const auto c,
        analytics::validate_pareto_nbd(summaries.calibration, pn->params,
                                       summaries.holdout_frequency, summaries.holdout_length));
    out["pareto_nbd"] = holdout_model_json(c);
  }
  return out;
}

void print_text(const json::object& r) {
  std::cout << "customers " << r.at("customers").to_number<std::int64_t>() << ", repeat buyers "
            << r.at("repeat_buyers").to_number<std::int64_t>() << '\n';
  auto params = [](const json::object& m, std::initializer_list<const char*> names) {
    std::string line;
    for (const char* n : names)
      line += std::string("  ") + n + " " + fixed(m.at(n).to_number<double>(), 6);
    line += "  LL " + fixed(m.at("log_likelihood").to_number<double>(), 4);
    line += m.at("converged").as_bool() ? "" : "  (not converged)";
    return line;
  };
  if (r.contains("bgnbd")) {
    std::cout << "BG/NBD     " << params(r.at("bgnbd").as_object(), {"r", "alpha", "a", "b"})
              << '\n';
  }
  if (r.contains("pareto_nbd")) {
    std::cout << "Pareto/NBD "
              << params(r.at("pareto_nbd").as_object(), {"r", "alpha", "s", "beta"}) << '\n';
  }
  if (r.contains("gamma_gamma")) {
    std::cout << "Gamma-Gamma" << params(r.at("gamma_gamma").as_object(), {"p", "q", "v"}) << '\n';
  }
  if (r.contains("holdout")) {
    const auto& h = r.at("holdout").as_object();
    for (const char* model : {"bgnbd", "pareto_nbd"}) {
      if (!h.contains(model)) continue;
      const auto& m = h.at(model).as_object();
      std::cout << "hold-out " << model << " (" << fixed(h.at("length").to_number<double>())
                << " periods): actual " << fixed(m.at("actual").to_number<double>(), 1)
                << ", predicted " << fixed(m.at("predicted").to_number<double>(), 1) << '\n';
    }
  }
}

core::Status run_fit(const ModelOptions& o) {
  json::object report;
  json::object import_report;
  RAPPORT_ASSIGN_OR_RETURN(const auto summaries, load_summaries(o, &import_report));
  const auto& s = summaries.calibration;
  report["customers"] = s.size();
  report["repeat_buyers"] = repeat_buyers(s);
  report["period"] = o.period;
  report["calibration_end"] = o.calibration_end;
  std::unique_ptr<analytics::BgNbdFit> bg;
  std::unique_ptr<analytics::ParetoNbdFit> pn;
  if (wants(o, "bgnbd")) {
    const auto start = std::chrono::steady_clock::now();
    RAPPORT_ASSIGN_OR_RETURN(auto fit, analytics::fit_bgnbd(s));
    progress(o.input, "BG/NBD fitted in " + fixed(seconds_since(start)) + " s");
    report["bgnbd"] = bgnbd_json(fit);
    bg = std::make_unique<analytics::BgNbdFit>(fit);
  }
  if (wants(o, "pareto_nbd")) {
    const auto start = std::chrono::steady_clock::now();
    RAPPORT_ASSIGN_OR_RETURN(auto fit, analytics::fit_pareto_nbd(s));
    progress(o.input, "Pareto/NBD fitted in " + fixed(seconds_since(start)) + " s");
    report["pareto_nbd"] = pareto_json(fit);
    pn = std::make_unique<analytics::ParetoNbdFit>(fit);
  }
  if (wants(o, "gamma_gamma")) {
    const auto start = std::chrono::steady_clock::now();
    RAPPORT_ASSIGN_OR_RETURN(auto fit, analytics::fit_gamma_gamma(s));
    progress(o.input, "Gamma-Gamma fitted in " + fixed(seconds_since(start)) + " s");
    report["gamma_gamma"] = gamma_gamma_json(fit);
  }
  if (!o.holdout_end.empty()) {
    RAPPORT_ASSIGN_OR_RETURN(report["holdout"], holdout_json(summaries, bg.get(), pn.get()));
  }
  report["import"] = std::move(import_report);
  if (o.json) return write_json(report, "-", "--json");
  print_text(report);
  return core::ok_status();
}

core::Status run_predict(const ModelOptions& o) {
  RAPPORT_ASSIGN_OR_RETURN(const auto summaries, load_summaries(o, nullptr));
  return write_predictions(o, summaries.calibration, o.out, o.json ? "-" : "");
}

}  // namespace

core::Status write_predictions(const ModelOptions& o, const analytics::CustomerSummaries& s,
                               const std::string& csv_path, const std::string& json_path,
                               double* fit_seconds) {
  auto start = std::chrono::steady_clock::now();
  // The two fits are independent: the spend model is fitted on a thread of its own.
  std::optional<core::Result<analytics::GammaGammaFit>> spend_fit;
  std::thread spend_thread([&spend_fit, &s] { spend_fit = analytics::fit_gamma_gamma(s); });
  auto purchase_fit = analytics::fit_bgnbd(s);
  spend_thread.join();
  RAPPORT_ASSIGN_OR_RETURN(const auto bg, std::move(purchase_fit));
  RAPPORT_ASSIGN_OR_RETURN(const auto gg, std::move(*spend_fit));
  if (fit_seconds != nullptr) *fit_seconds = seconds_since(start);
  progress(o.input, "BG/NBD and Gamma-Gamma fitted in " + fixed(seconds_since(start)) + " s");
  start = std::chrono::steady_clock::now();
  RAPPORT_ASSIGN_OR_RETURN(const auto alive, analytics::bgnbd_probability_alive(bg.params, s));
  RAPPORT_ASSIGN_OR_RETURN(const auto purchases,
                           analytics::bgnbd_conditional_expected(bg.params, s, o.horizon));
  RAPPORT_ASSIGN_OR_RETURN(const auto spend, analytics::gamma_gamma_expected_spend(gg.params, s));
  analytics::ClvOptions clv_options;
  clv_options.steps = o.clv_months;
  clv_options.step_length = kMonthDays / analytics::period_days(period_of(o.period));
  clv_options.discount_rate = o.discount_rate;
  RAPPORT_ASSIGN_OR_RETURN(
      const auto clv, analytics::customer_lifetime_value(bg.params, gg.params, s, clv_options));
  progress(o.input, "scored " + std::to_string(s.size()) + " customers in " +
                        fixed(seconds_since(start)) + " s");
  RAPPORT_ASSIGN_OR_RETURN(auto out, CsvOutput::open(csv_path, "--out"));
  for (const char* h : {"customer_id", "frequency", "recency", "T", "expected_purchases", "p_alive",
                        "expected_spend", "clv"}) {
    out->text(h);
  }
  out->end_row();
  for (std::size_t i = 0; i < s.size(); ++i) {
    out->text(s.customer_ids[i]);
    out->number(s.frequency[i]);
    out->number(s.recency[i]);
    out->number(s.age[i]);
    out->number(purchases[i]);
    out->number(alive[i]);
    out->number(spend[i]);
    out->number(clv[i]);
    out->end_row();
  }
  RAPPORT_TRY(out->close());
  if (json_path.empty()) return core::ok_status();
  return write_json(json::object{{"customers", s.size()},
                                 {"bgnbd", bgnbd_json(bg)},
                                 {"gamma_gamma", gamma_gamma_json(gg)}},
                    json_path, "--json");
}

void add_analytics_models_commands(CLI::App& analytics) {
  auto fit_options = std::make_shared<ModelOptions>();
  auto* fit = analytics.add_subcommand(
      "fit", "Fit BG/NBD, Pareto/NBD and Gamma-Gamma on a calibration period");
  add_model_input_options(*fit, *fit_options);
  fit->add_option("--holdout-end", fit_options->holdout_end,
                  "Last day of a hold-out period: compare predicted and actual purchases");
  fit->add_option("--models", fit_options->models,
                  "Models to fit (default all): bgnbd pareto_nbd gamma_gamma")
      ->check(CLI::IsMember({"bgnbd", "pareto_nbd", "gamma_gamma"}))
      ->delimiter(',');
  fit->add_flag("--json", fit_options->json, "Print the parameters and diagnostics as JSON");
  fit->footer(
      "Example (CDNOW, weekly, as the published fits):\n"
      "  rapport analytics fit --transactions CDNOW_sample.txt --whitespace --customer-col 1 \\\n"
      "    --date-col 3 --date-format %Y%m%d --quantity-col 4 --amount-col 5 --period week \\\n"
      "    --calibration-end 1997-09-30 --holdout-end 1998-06-30 --json");
  fit->callback([fit_options] { run_analytics([&] { return run_fit(*fit_options); }); });

  auto predict_options = std::make_shared<ModelOptions>();
  auto* predict = analytics.add_subcommand(
      "predict", "Per-customer expected purchases, P(alive), expected spend and CLV (CSV)");
  add_model_input_options(*predict, *predict_options);
  predict
      ->add_option("--horizon", predict_options->horizon,
                   "Expected purchases over the next T periods")
      ->required()
      ->check(CLI::NonNegativeNumber);
  predict->add_option("--out", predict_options->out, "Output CSV file (default standard output)");
  predict
      ->add_option("--clv-months", predict_options->clv_months,
                   "CLV horizon in months (default 12)")
      ->check(CLI::Range(1, 1200));
  predict
      ->add_option("--discount-rate", predict_options->discount_rate,
                   "Monthly discount rate of the CLV (default 0.01)")
      ->check(CLI::Range(0.0, 10.0));
  predict->add_flag("--json", predict_options->json,
                    "Also print the fitted parameters as JSON on standard output");
  predict->footer(
      "Columns: customer_id, frequency, recency, T, expected_purchases, p_alive, expected_spend, "
      "clv.\n"
      "Example:\n"
      "  rapport analytics predict --transactions online_retail.csv.gz --customer-col CustomerID "
      "\\\n"
      "    --date-col InvoiceDate --date-format '%Y-%m-%d %H:%M:%S' --invoice-col InvoiceNo \\\n"
      "    --quantity-col Quantity --price-col UnitPrice --clean --period day \\\n"
      "    --calibration-end 2011-12-09 --horizon 30 --out scores.csv");
  predict->callback(
      [predict_options] { run_analytics([&] { return run_predict(*predict_options); }); });
}

}  // namespace rapport::app
