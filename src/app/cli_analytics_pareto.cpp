// `rapport analytics pareto`: revenue concentration — top-customer shares, customers needed for
// 80 % of revenue, Gini and the Lorenz curve.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "analytics/concentration.hpp"
#include "app/analytics_input.hpp"
#include "app/cli_analytics_parts.hpp"
#include "app/cli_analytics_steps.hpp"
#include "app/csv_output.hpp"

namespace rapport::app {
namespace {

namespace json = boost::json;

struct ParetoOptions {
  TransactionInput input;
  std::string out;
  bool json = false;
};

core::Status run_pareto(const ParetoOptions& o) {
  RAPPORT_ASSIGN_OR_RETURN(const auto loaded, load_transaction_input(o.input, kRevenueColumns));
  RAPPORT_ASSIGN_OR_RETURN(const json::object report,
                           concentration_report(o.input, loaded.table, o.out));
  if (o.json) return write_json(report, "-", "--json");
  std::printf("customers %lld, revenue %.2f, Gini %.4f\n",
              static_cast<long long>(report.at("customers").to_number<std::int64_t>()),
              report.at("revenue").to_number<double>(), report.at("gini").to_number<double>());
  for (const auto& entry : report.at("top").as_array()) {
    const auto& t = entry.as_object();
    std::printf("top %5.1f%% (%lld customers): %.3f%% of revenue\n",
                100 * t.at("fraction").to_number<double>(),
                static_cast<long long>(t.at("customers").to_number<std::int64_t>()),
                100 * t.at("revenue_share").to_number<double>());
  }
  std::printf(
      "80%% of revenue: top %lld customers\n",
      static_cast<long long>(report.at("customers_for_80_percent").to_number<std::int64_t>()));
  return core::ok_status();
}

}  // namespace

core::Result<json::object> concentration_report(const TransactionInput& in,
                                                const analytics::TransactionTable& table,
                                                const std::string& lorenz_path) {
  RAPPORT_TRY(table.require_single_currency());
  std::vector<std::int64_t> net(table.customers.size(), 0);
  for (std::size_t i = 0; i < table.size(); ++i) net[table.customer[i]] += table.amount[i];
  // Customers whose returns exceed their purchases have no place on a revenue curve; they are
  // counted and left out rather than failing the whole report.
  std::vector<std::int64_t> revenue;
  revenue.reserve(net.size());
  std::size_t negative = 0;
  for (const auto v : net) {
    if (v < 0) {
      ++negative;
    } else {
      revenue.push_back(v);
    }
  }
  RAPPORT_ASSIGN_OR_RETURN(const auto c, analytics::concentration(revenue));
  std::int64_t total = 0;
  for (const auto v : revenue) total += v;
  progress(in, "concentration over " + std::to_string(revenue.size()) + " customers");

  if (!lorenz_path.empty()) {
    RAPPORT_ASSIGN_OR_RETURN(auto out, CsvOutput::open(lorenz_path, "--out"));
    out->text("customer_share");
    out->text("revenue_share");
    out->end_row();
    for (const auto& p : c.lorenz) {
      out->number(p.customer_share);
      out->number(p.revenue_share);
      out->end_row();
    }
    RAPPORT_TRY(out->close());
  }
  json::array top;
  for (const auto& t : c.top) {
    top.push_back(
        {{"fraction", t.fraction}, {"customers", t.customers}, {"revenue_share", t.revenue_share}});
  }
  return json::object{{"customers", revenue.size()},
                      {"excluded_net_negative", negative},
                      {"revenue", table.to_major(total)},
                      {"top", std::move(top)},
                      {"customers_for_80_percent", c.customers_for_80_percent},
                      {"gini", c.gini}};
}

void add_analytics_pareto_command(CLI::App& analytics) {
  auto o = std::make_shared<ParetoOptions>();
  auto* pareto = analytics.add_subcommand(
      "pareto", "Revenue concentration: top 1/5/10/20 % shares, customers for 80 %, Gini, Lorenz");
  add_transaction_options(*pareto, o->input);
  pareto->add_option("--out", o->out, "Write the Lorenz curve (101 points) to this CSV file");
  pareto->add_flag("--json", o->json, "Print the figures as JSON");
  pareto->footer(
      "Customers whose net revenue is negative (returns exceed purchases) are left out and "
      "counted.\n"
      "Example:\n"
      "  rapport analytics pareto --transactions online_retail.csv.gz --customer-col CustomerID "
      "\\\n"
      "    --date-col InvoiceDate --date-format '%Y-%m-%d %H:%M:%S' --invoice-col InvoiceNo \\\n"
      "    --quantity-col Quantity --price-col UnitPrice --clean --json");
  pareto->callback([o] { run_analytics([&] { return run_pareto(*o); }); });
}

}  // namespace rapport::app
