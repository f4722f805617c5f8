// `rapport analytics cohorts`: monthly acquisition cohorts with retention and revenue per month
// since acquisition, as a long CSV table or JSON.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <cstdio>
#include <memory>
#include <string>

#include "analytics/cohorts.hpp"
#include "app/analytics_input.hpp"
#include "app/cli_analytics_parts.hpp"
#include "app/cli_analytics_steps.hpp"
#include "app/csv_output.hpp"

namespace rapport::app {
namespace {

namespace json = boost::json;

struct CohortOptions {
  TransactionInput input;
  std::string out;
  bool json = false;
};

std::string month_label(const analytics::Cohort& c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u", c.year, c.month);
  return buf;
}

core::Status run_cohorts(const CohortOptions& o) {
  RAPPORT_ASSIGN_OR_RETURN(const auto loaded, load_transaction_input(o.input, kRevenueColumns));
  const std::string csv_path = !o.out.empty() ? o.out : (o.json ? "" : "-");
  return write_cohorts(o.input, loaded.table, csv_path, o.json ? "-" : "");
}

}  // namespace

core::Status write_cohorts(const TransactionInput& in, const analytics::TransactionTable& table,
                           const std::string& csv_path, const std::string& json_path) {
  RAPPORT_ASSIGN_OR_RETURN(const auto cohorts, analytics::monthly_cohorts(table));
  progress(in, std::to_string(cohorts.size()) + " monthly cohorts");
  if (!json_path.empty()) {
    json::array out;
    for (const auto& c : cohorts) {
      json::array active(c.active.begin(), c.active.end());
      json::array retention(c.retention.begin(), c.retention.end());
      json::array revenue;
      for (const auto v : c.revenue) revenue.push_back(table.to_major(v));
      out.push_back({{"cohort", month_label(c)},
                     {"customers", c.customers},
                     {"active", std::move(active)},
                     {"retention", std::move(retention)},
                     {"revenue", std::move(revenue)}});
    }
    RAPPORT_TRY(write_json(json::object{{"cohorts", std::move(out)}}, json_path, "--json"));
  }
  if (csv_path.empty()) return core::ok_status();
  RAPPORT_ASSIGN_OR_RETURN(auto out, CsvOutput::open(csv_path, "--out"));
  for (const char* h : {"cohort", "customers", "months_since", "active", "retention", "revenue"}) {
    out->text(h);
  }
  out->end_row();
  for (const auto& c : cohorts) {
    const std::string label = month_label(c);
    for (std::size_t k = 0; k < c.active.size(); ++k) {
      out->text(label);
      out->integer(c.customers);
      out->integer(static_cast<long long>(k));
      out->integer(c.active[k]);
      out->number(c.retention[k]);
      out->number(table.to_major(c.revenue[k]));
      out->end_row();
    }
  }
  return out->close();
}

void add_analytics_cohorts_command(CLI::App& analytics) {
  auto o = std::make_shared<CohortOptions>();
  auto* cohorts = analytics.add_subcommand(
      "cohorts", "Monthly acquisition cohorts: active customers, retention and revenue by month");
  add_transaction_options(*cohorts, o->input);
  cohorts->add_option("--out", o->out,
                      "CSV file, one row per cohort and month since acquisition (default "
                      "standard output)");
  cohorts->add_flag("--json", o->json,
                    "Print the cohorts as JSON (the CSV is then written only with --out)");
  cohorts->footer(
      "Example:\n"
      "  rapport analytics cohorts --transactions online_retail.csv.gz --customer-col CustomerID "
      "\\\n"
      "    --date-col InvoiceDate --date-format '%Y-%m-%d %H:%M:%S' --invoice-col InvoiceNo \\\n"
      "    --quantity-col Quantity --price-col UnitPrice --clean --out cohorts.csv");
  cohorts->callback([o] { run_analytics([&] { return run_cohorts(*o); }); });
}

}  // namespace rapport::app
