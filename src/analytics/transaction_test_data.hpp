// Test-only helpers: the CDNOW and Online Retail transaction files of RAPPORT_SHARED_DATA read in
// place into TransactionTables (each loaded once per test binary), and a shuffled-copy helper
// for order-independence checks. Included by *_test.cpp files only.
#pragma once

#include <algorithm>
#include <chrono>
#include <numeric>
#include <random>
#include <stdexcept>
#include <string>

#include "analytics/transaction_table.hpp"

namespace rapport::analytics::testing {

inline std::int32_t day_of(int y, unsigned m, unsigned d) {
  return static_cast<std::int32_t>(
      std::chrono::sys_days{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}}
          .time_since_epoch()
          .count());
}

inline LoadedTransactions load_or_throw(const std::string& relative, const io::CsvOptions& csv,
                                        const io::TransactionMapping& mapping,
                                        const io::TransactionFilter& filter) {
  auto source = io::FileSource::open(std::string(RAPPORT_SHARED_DATA) + "/" + relative);
  if (!source.ok()) throw std::runtime_error(source.error().message);
  auto loaded = load_transactions(**source, csv, mapping, filter, io::BadRowPolicy::kFail);
  if (!loaded.ok()) throw std::runtime_error(loaded.error().message);
  return std::move(loaded).value();
}

// CDNOW_sample.txt: master id, sample id (the customer: the summary files use it), date, CDs,
// dollars; whitespace-separated, no header.
inline const TransactionTable& cdnow_sample() {
  static const TransactionTable table = [] {
    io::CsvOptions csv;
    csv.whitespace_delimited = true;
    io::TransactionMapping m;
    m.has_header = false;
    m.customer = io::ColumnRef::at(1);
    m.date = io::ColumnRef::at(2);
    m.date_format = "%Y%m%d";
    m.quantity = io::ColumnRef::at(3);
    m.amount = io::ColumnRef::at(4);
    m.default_currency = "USD";
    return load_or_throw("cdnow/CDNOW_sample.txt", csv, m, {}).table;
  }();
  return table;
}

// The UCI Online Retail file with REFERENCE.md §6's cleaning rules.
inline const TransactionTable& online_retail_clean() {
  static const TransactionTable table = [] {
    io::TransactionMapping m;
    m.customer = io::ColumnRef::named("CustomerID");
    m.date = io::ColumnRef::named("InvoiceDate");
    m.date_format = "%Y-%m-%d %H:%M:%S";
    m.invoice = io::ColumnRef::named("InvoiceNo");
    m.product = io::ColumnRef::named("StockCode");
    m.quantity = io::ColumnRef::named("Quantity");
    m.unit_price = io::ColumnRef::named("UnitPrice");
    m.default_currency = "GBP";
    m.strip_zero_fraction_from_ids = true;
    io::TransactionFilter f;
    f.cancellation_prefix = "C";
    f.drop_cancellations = true;
    f.require_positive_quantity = true;
    f.require_positive_price = true;
    return load_or_throw("online_retail/online_retail_2010-12_2011-12.csv.gz", {}, m, f).table;
  }();
  return table;
}

// The same lines in a seeded random order, interned afresh (so every dictionary index changes).
inline TransactionTable shuffled_copy(const TransactionTable& table, unsigned seed) {
  std::vector<std::size_t> order(table.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::shuffle(order.begin(), order.end(), std::mt19937(seed));
  TransactionTable copy(table.minor_digits());
  for (std::size_t i : order) {
    io::TransactionRow row;
    row.customer = table.customers.text(table.customer[i]);
    row.invoice = table.invoice[i] == kNoIndex
                      ? std::string_view()
                      : std::string_view(table.invoices.text(table.invoice[i]));
    row.product = table.product[i] == kNoIndex
                      ? std::string_view()
                      : std::string_view(table.products.text(table.product[i]));
    row.currency = table.currencies.text(table.currency[i]);
    row.timestamp = std::int64_t{table.day[i]} * 86400 + table.second_of_day[i];
    row.quantity = table.quantity[i];
    row.amount = table.amount[i];
    if (!copy.add(row).ok()) throw std::runtime_error("cannot copy row");
  }
  return copy;
}

}  // namespace rapport::analytics::testing
