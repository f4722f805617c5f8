// `rapport analytics forecast`: orders and revenue for the next months from the customer-base
// models (BG/NBD + Gamma-Gamma, with new customers at the historical rate) and from a seasonal
// Holt–Winters model of the monthly history, with a back-test of the latter by MAPE.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "analytics/bgnbd.hpp"
#include "analytics/customer_summary.hpp"
#include "analytics/forecast.hpp"
#include "analytics/gamma_gamma.hpp"
#include "analytics/holt_winters.hpp"
#include "analytics/transaction_table.hpp"
#include "app/analytics_input.hpp"
#include "app/cli_analytics_parts.hpp"
#include "app/csv_output.hpp"

namespace rapport::app {
namespace {

namespace json = boost::json;

constexpr double kMonthDays = 365.25 / 12.0;
constexpr int kSeason = 12;

struct ForecastOptions {
  TransactionInput input;
  std::string period = "week";
  std::string calibration_end;
  int months = 12;
  double acquisitions = -1;  // new customers per month; negative: the historical rate
  int backtest_months = 6;
  std::string out;
  bool json = false;
};

analytics::Period period_of(const std::string& name) {
  if (name == "day") return analytics::Period::kDay;
  if (name == "month") return analytics::Period::kMonth;
  return analytics::Period::kWeek;
}

// Calendar month index (year · 12 + month − 1) of a day count since 1970-01-01.
int month_index(std::int32_t day) {
  const auto ymd = std::chrono::year_month_day{std::chrono::sys_days{std::chrono::days{day}}};
  return static_cast<int>(ymd.year()) * 12 + static_cast<int>(static_cast<unsigned>(ymd.month())) -
         1;
}

struct MonthlyHistory {
  int first_month = 0;
  std::vector<double> orders;   // customer purchase days per month (the models' "transactions")
  std::vector<double> revenue;  // major units
};

// Orders and revenue per calendar month up to the calibration end's month (a partial last
// month is included as it is).
MonthlyHistory monthly_history(const analytics::TransactionTable& table, std::int32_t end_day) {
  const auto merged = analytics::merge_same_day(table);
  MonthlyHistory h;
  const auto first_day = *std::min_element(merged.days.begin(), merged.days.end());
  h.first_month = month_index(first_day);
  const auto months = static_cast<std::size_t>(month_index(end_day) - h.first_month + 1);
  h.orders.assign(months, 0);
  h.revenue.assign(months, 0);
  for (std::size_t i = 0; i < merged.days.size(); ++i) {
    if (merged.days[i] > end_day) continue;
    const auto m = static_cast<std::size_t>(month_index(merged.days[i]) - h.first_month);
    h.orders[m] += 1;
    h.revenue[m] += table.to_major(merged.amounts[i]);
  }
  return h;
}

std::string month_label(int index) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", index / 12, index % 12 + 1);
  return buf;
}

// The seasonal forecast and its back-test, or the reason it cannot be made (too little history).
json::object seasonal_json(const std::vector<double>& series, int months, int backtest_months) {
  json::object out;
  auto model = analytics::fit_holt_winters(series, kSeason);
  if (!model.ok()) {
    out["error"] = model.error().message;
    return out;
  }
  const auto forecast = analytics::forecast_holt_winters(*model, months);
  out["forecast"] = json::array(forecast.begin(), forecast.end());
  out["alpha"] = model->alpha;
  out["beta"] = model->beta;
  out["gamma"] = model->gamma;
  const auto scores = analytics::backtest(series, backtest_months, kSeason);
  if (scores.ok() && !scores->empty()) {
    out["backtest_months"] = backtest_months;
    out["backtest_mape"] = json_number(scores->front().mape);
  } else if (!scores.ok()) {
    out["backtest_error"] = scores.error().message;
  }
  return out;
}

core::Status run_forecast(const ForecastOptions& o) {
  RAPPORT_ASSIGN_OR_RETURN(const auto loaded, load_transaction_input(o.input));
  analytics::SummaryOptions options;
  options.period = period_of(o.period);
  RAPPORT_ASSIGN_OR_RETURN(options.calibration_end,
                           parse_day_option(o.calibration_end, o.input, "--calibration-end"));
  RAPPORT_ASSIGN_OR_RETURN(const auto summaries, analytics::summarize(loaded.table, options));
  const auto& s = summaries.calibration;
  if (s.size() == 0) {
    return core::Error::field("--calibration-end",
                              "no customer bought on or before " + o.calibration_end);
  }
  RAPPORT_ASSIGN_OR_RETURN(const auto bg, analytics::fit_bgnbd(s));
  RAPPORT_ASSIGN_OR_RETURN(const auto gg, analytics::fit_gamma_gamma(s));
  const double month = kMonthDays / analytics::period_days(options.period);
  analytics::CustomerBaseForecastOptions fo;
  fo.periods = o.months;
  fo.period_length = month;
  if (o.acquisitions >= 0) {
    fo.acquisitions_per_period = o.acquisitions;
  } else {
    RAPPORT_ASSIGN_OR_RETURN(fo.acquisitions_per_period,
                             analytics::historical_acquisition_rate(s, month));
  }
  RAPPORT_ASSIGN_OR_RETURN(const auto base,
                           analytics::forecast_customer_base(s, bg.params, gg.params, fo));
  progress(o.input, "customer-base forecast for " + std::to_string(o.months) + " months");

  const auto history = monthly_history(loaded.table, options.calibration_end);
  const int first_forecast = month_index(options.calibration_end) + 1;
  if (!o.out.empty() || !o.json) {
    RAPPORT_ASSIGN_OR_RETURN(auto out, CsvOutput::open(o.out.empty() ? "-" : o.out, "--out"));
    for (const char* h : {"month", "orders", "existing_customer_orders", "revenue"}) out->text(h);
    out->end_row();
    for (int k = 0; k < o.months; ++k) {
      const auto i = static_cast<std::size_t>(k);
      out->text(month_label(first_forecast + k));
      out->number(base.orders[i]);
      out->number(base.existing_orders[i]);
      out->number(base.revenue[i]);
      out->end_row();
    }
    RAPPORT_TRY(out->close());
  }
  if (!o.json) return core::ok_status();
  json::array months;
  for (int k = 0; k < o.months; ++k)
    months.push_back(json::string(month_label(first_forecast + k)));
  return write_json(
      json::object{
          {"months", std::move(months)},
          {"acquisitions_per_month", fo.acquisitions_per_period},
          {"customer_base",
           {{"orders", json::array(base.orders.begin(), base.orders.end())},
            {"existing_customer_orders",
             json::array(base.existing_orders.begin(), base.existing_orders.end())},
            {"revenue", json::array(base.revenue.begin(), base.revenue.end())}}},
          {"history_start", month_label(history.first_month)},
          {"seasonal_orders", seasonal_json(history.orders, o.months, o.backtest_months)},
          {"seasonal_revenue", seasonal_json(history.revenue, o.months, o.backtest_months)}},
      "-", "--json");
}

}  // namespace

void add_analytics_forecast_command(CLI::App& analytics) {
  auto o = std::make_shared<ForecastOptions>();
  auto* forecast = analytics.add_subcommand(
      "forecast", "Orders and revenue per month ahead: customer-base model and seasonal model");
  add_transaction_options(*forecast, o->input);
  forecast->add_option("--period", o->period, "Time unit of the models: day, week (default), month")
      ->check(CLI::IsMember({"day", "week", "month"}));
  forecast
      ->add_option("--calibration-end", o->calibration_end,
                   "Last day of history used (YYYY-MM-DD); the forecast starts the month after")
      ->required();
  forecast->add_option("--months", o->months, "Months to forecast (default 12)")
      ->check(CLI::Range(1, 120));
  forecast
      ->add_option("--acquisitions", o->acquisitions,
                   "New customers per month (default: the historical rate; 0 for a closed "
                   "cohort such as CDNOW's)")
      ->check(CLI::NonNegativeNumber);
  forecast
      ->add_option("--backtest-months", o->backtest_months,
                   "Months held out to score the seasonal model by MAPE (default 6)")
      ->check(CLI::Range(1, 60));
  forecast->add_option("--out", o->out,
                       "Customer-base forecast CSV: month, orders, existing_customer_orders, "
                       "revenue (default standard output)");
  forecast->add_flag("--json", o->json,
                     "Print both forecasts and the back-test as JSON (the CSV is then written "
                     "only with --out)");
  forecast->footer(
      "The seasonal model needs 24 months of history; with less, its JSON entry says why.\n"
      "Example:\n"
      "  rapport analytics forecast --transactions online_retail.csv.gz --customer-col \\\n"
      "    CustomerID --date-col InvoiceDate --date-format '%Y-%m-%d %H:%M:%S' --invoice-col \\\n"
      "    InvoiceNo --quantity-col Quantity --price-col UnitPrice --clean --period day \\\n"
      "    --calibration-end 2011-12-09 --months 12 --json");
  forecast->callback([o] { run_analytics([&] { return run_forecast(*o); }); });
}

}  // namespace rapport::app
