// `rapport analytics recommend`: "customers who bought X also bought Y" associations and, per
// customer, a ranked list of products to offer next (excluding what they already bought).
#include <boost/json/object.hpp>

#include <memory>
#include <string>

#include "analytics/recommend.hpp"
#include "app/analytics_input.hpp"
#include "app/cli_analytics_parts.hpp"
#include "app/csv_output.hpp"

namespace rapport::app {
namespace {

namespace json = boost::json;

struct RecommendOptions {
  TransactionInput input;
  std::string basket = "invoice";
  std::size_t count = 5;
  std::int64_t min_pair_count = 2;
  std::string out;
  std::string associations_out;
  bool json = false;
};

core::Status write_associations(const analytics::TransactionTable& table,
                                const analytics::CooccurrenceModel& model,
                                const std::string& path) {
  RAPPORT_ASSIGN_OR_RETURN(auto out, CsvOutput::open(path, "--associations-out"));
  for (const char* h : {"product", "also_bought", "together", "support", "confidence", "lift"}) {
    out->text(h);
  }
  out->end_row();
  for (const std::uint32_t p : table.products.sorted_indexes()) {
    for (const auto& a : model.also_bought(p)) {
      out->text(table.products.text(p));
      out->text(table.products.text(a.product));
      out->integer(a.together);
      out->number(a.support);
      out->number(a.confidence);
      out->number(a.lift);
      out->end_row();
    }
  }
  return out->close();
}

core::Status run_recommend(const RecommendOptions& o) {
  if (o.input.product_col.empty()) {
    return core::Error::field("--product-col", "recommendations need a product column");
  }
  RAPPORT_ASSIGN_OR_RETURN(const auto loaded, load_transaction_input(o.input));
  const auto& table = loaded.table;
  analytics::CooccurrenceOptions options;
  options.basket =
      o.basket == "customer" ? analytics::BasketKind::kCustomer : analytics::BasketKind::kInvoice;
  options.min_pair_count = o.min_pair_count;
  RAPPORT_ASSIGN_OR_RETURN(const auto model, analytics::build_cooccurrence(table, options));
  progress(o.input, std::to_string(model.baskets) + " baskets, " +
                        std::to_string(model.associations.size()) + " associations");
  if (!o.associations_out.empty())
    RAPPORT_TRY(write_associations(table, model, o.associations_out));

  const auto offers = analytics::next_offers_for_all(table, model, o.count);
  if (!o.out.empty() || !o.json) {
    RAPPORT_ASSIGN_OR_RETURN(auto out, CsvOutput::open(o.out.empty() ? "-" : o.out, "--out"));
    for (const char* h : {"customer_id", "rank", "product", "score"}) out->text(h);
    out->end_row();
    for (const std::uint32_t c : table.customers.sorted_indexes()) {
      long long rank = 0;
      for (const auto& offer : offers.of(c)) {
        out->text(table.customers.text(c));
        out->integer(++rank);
        out->text(table.products.text(offer.product));
        out->number(offer.score);
        out->end_row();
      }
    }
    RAPPORT_TRY(out->close());
  }
  if (!o.json) return core::ok_status();
  std::size_t with_offers = 0;
  for (std::uint32_t c = 0; c < table.customers.size(); ++c) {
    with_offers += offers.of(c).empty() ? 0 : 1;
  }
  return write_json(json::object{{"baskets", model.baskets},
                                 {"products", table.products.size()},
                                 {"associations", model.associations.size()},
                                 {"customers", table.customers.size()},
                                 {"customers_with_offers", with_offers}},
                    "-", "--json");
}

}  // namespace

void add_analytics_recommend_command(CLI::App& analytics) {
  auto o = std::make_shared<RecommendOptions>();
  auto* recommend = analytics.add_subcommand(
      "recommend", "Also-bought associations and the next products to offer each customer");
  add_transaction_options(*recommend, o->input);
  recommend
      ->add_option("--basket", o->basket,
                   "What counts as bought together: invoice (default) or customer")
      ->check(CLI::IsMember({"invoice", "customer"}));
  recommend->add_option("--count", o->count, "Offers per customer (default 5)")
      ->check(CLI::Range(1, 1000));
  recommend
      ->add_option("--min-pair-count", o->min_pair_count,
                   "Drop product pairs seen together fewer times (default 2)")
      ->check(CLI::Range(1, 1000000000));
  recommend->add_option("--out", o->out,
                        "Per-customer offers CSV: customer_id, rank, product, score (default "
                        "standard output)");
  recommend->add_option("--associations-out", o->associations_out,
                        "CSV of product, also_bought, together, support, confidence, lift");
  recommend->add_flag("--json", o->json,
                      "Print a summary as JSON (offers are then written only with --out)");
  recommend->footer(
      "Example:\n"
      "  rapport analytics recommend --transactions online_retail.csv.gz --customer-col \\\n"
      "    CustomerID --date-col InvoiceDate --date-format '%Y-%m-%d %H:%M:%S' --invoice-col \\\n"
      "    InvoiceNo --product-col StockCode --quantity-col Quantity --price-col UnitPrice \\\n"
      "    --clean --out offers.csv --associations-out also_bought.csv");
  recommend->callback([o] { run_analytics([&] { return run_recommend(*o); }); });
}

}  // namespace rapport::app
