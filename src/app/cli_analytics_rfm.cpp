// `rapport analytics rfm`: recency, frequency, monetary value, quintile scores and named segments
// per customer (CSV), and segment sizes and revenue (JSON).
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "analytics/rfm.hpp"
#include "app/analytics_input.hpp"
#include "app/cli_analytics_parts.hpp"
#include "app/cli_analytics_steps.hpp"
#include "app/csv_output.hpp"

namespace rapport::app {
namespace {

namespace json = boost::json;

json::object distribution_json(const std::vector<double>& values) {
  const auto d = analytics::describe(values);
  return {{"min", d.min}, {"median", d.median}, {"mean", d.mean}, {"max", d.max}};
}

struct RfmOptions {
  TransactionInput input;
  std::string snapshot;
  std::string out;
  bool json = false;
};

core::Status run_rfm(const RfmOptions& o) {
  RAPPORT_ASSIGN_OR_RETURN(const auto loaded, load_transaction_input(o.input, kRfmColumns));
  const std::string csv_path = !o.out.empty() ? o.out : (o.json ? "" : "-");
  return write_rfm(o.input, loaded.table, o.snapshot, csv_path, o.json ? "-" : "");
}

}  // namespace

core::Status write_rfm(const TransactionInput& in, const analytics::TransactionTable& table,
                       const std::string& snapshot_text, const std::string& csv_path,
                       const std::string& json_path) {
  std::int32_t snapshot = *std::max_element(table.day.begin(), table.day.end()) + 1;
  if (!snapshot_text.empty()) {
    RAPPORT_ASSIGN_OR_RETURN(snapshot, parse_day_option(snapshot_text, in, "--snapshot"));
  }
  RAPPORT_ASSIGN_OR_RETURN(const auto rfm, analytics::compute_rfm(table, snapshot));
  progress(in, "RFM for " + std::to_string(rfm.size()) + " customers");

  if (!csv_path.empty()) {
    RAPPORT_ASSIGN_OR_RETURN(auto out, CsvOutput::open(csv_path, "--out"));
    for (const char* h : {"customer_id", "recency", "frequency", "monetary", "r_score", "f_score",
                          "m_score", "segment"}) {
      out->text(h);
    }
    out->end_row();
    for (std::size_t i = 0; i < rfm.size(); ++i) {
      out->text(rfm.customer_ids[i]);
      out->integer(rfm.recency[i]);
      out->integer(rfm.frequency[i]);
      out->number(table.to_major(rfm.monetary[i]));
      out->integer(rfm.r_score[i]);
      out->integer(rfm.f_score[i]);
      out->integer(rfm.m_score[i]);
      out->text(analytics::to_string(rfm.segment[i]));
      out->end_row();
    }
    RAPPORT_TRY(out->close());
  }
  if (json_path.empty()) return core::ok_status();

  json::array segments;
  std::int64_t revenue = 0;
  for (const auto& size : analytics::segment_sizes(rfm)) {
    revenue += size.revenue;
    segments.push_back({{"segment", analytics::to_string(size.segment)},
                        {"customers", size.customers},
                        {"revenue", table.to_major(size.revenue)}});
  }
  std::vector<double> r(rfm.recency.begin(), rfm.recency.end());
  std::vector<double> f(rfm.frequency.begin(), rfm.frequency.end());
  std::vector<double> m;
  m.reserve(rfm.size());
  for (const auto v : rfm.monetary) m.push_back(table.to_major(v));
  return write_json(json::object{{"customers", rfm.size()},
                                 {"revenue", table.to_major(revenue)},
                                 {"snapshot_day", snapshot},
                                 {"recency", distribution_json(r)},
                                 {"frequency", distribution_json(f)},
                                 {"monetary", distribution_json(m)},
                                 {"segments", std::move(segments)}},
                    json_path, "--json");
}

void add_analytics_rfm_command(CLI::App& analytics) {
  auto o = std::make_shared<RfmOptions>();
  auto* rfm = analytics.add_subcommand(
      "rfm", "Recency, frequency, monetary value, quintile scores and segments per customer");
  add_transaction_options(*rfm, o->input);
  rfm->add_option("--snapshot", o->snapshot,
                  "Day the recency is measured to (YYYY-MM-DD; default the day after the last "
                  "purchase); only earlier lines count");
  rfm->add_option("--out", o->out, "Per-customer CSV file (default standard output)");
  rfm->add_flag("--json", o->json,
                "Print customers, revenue, R/F/M distributions and segment sizes as JSON "
                "(the CSV is then written only with --out)");
  rfm->footer(
      "Example (Online Retail, REFERENCE.md's clean set):\n"
      "  rapport analytics rfm --transactions online_retail.csv.gz --customer-col CustomerID \\\n"
      "    --date-col InvoiceDate --date-format '%Y-%m-%d %H:%M:%S' --invoice-col InvoiceNo \\\n"
      "    --quantity-col Quantity --price-col UnitPrice --clean --snapshot 2011-12-10 \\\n"
      "    --out rfm.csv --json");
  rfm->callback([o] { run_analytics([&] { return run_rfm(*o); }); });
}

}  // namespace rapport::app
