// Tests for the parallel loader: whatever the number of pieces, the table (rows, order,
// dictionary indexes), the import summary and the errors equal those of a single reading —
// with quoted fields, CRLF and lone CR line ends, empty and bad rows, a byte-order mark, quoted
// newlines (which make it fall back to one reader), and without a header.
#include "analytics/parallel_load.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>

#include "analytics/transaction_table.hpp"
#include "io/byte_source.hpp"
#include "io/positional_source.hpp"

namespace rapport::analytics {
namespace {

void expect_same_dictionary(const Dictionary& a, const Dictionary& b, const char* what) {
  ASSERT_EQ(a.size(), b.size()) << what;
  for (std::uint32_t i = 0; i < a.size(); ++i) ASSERT_EQ(a.text(i), b.text(i)) << what << " " << i;
}

void expect_same(const LoadedTransactions& a, const LoadedTransactions& b) {
  const TransactionTable& x = a.table;
  const TransactionTable& y = b.table;
  expect_same_dictionary(x.customers, y.customers, "customers");
  expect_same_dictionary(x.invoices, y.invoices, "invoices");
  expect_same_dictionary(x.products, y.products, "products");
  expect_same_dictionary(x.currencies, y.currencies, "currencies");
  EXPECT_EQ(x.customer, y.customer);
  EXPECT_EQ(x.day, y.day);
  EXPECT_EQ(x.second_of_day, y.second_of_day);
  EXPECT_EQ(x.invoice, y.invoice);
  EXPECT_EQ(x.product, y.product);
  EXPECT_EQ(x.quantity, y.quantity);
  EXPECT_EQ(x.amount, y.amount);
  EXPECT_EQ(x.currency, y.currency);
  EXPECT_EQ(a.summary.rows_read, b.summary.rows_read);
  EXPECT_EQ(a.summary.rows_kept, b.summary.rows_kept);
  for (std::size_t r = 0; r < io::kSkipReasonCount; ++r) {
    EXPECT_EQ(a.summary.skipped[r].rows, b.summary.skipped[r].rows) << r;
    EXPECT_EQ(a.summary.skipped[r].first_lines, b.summary.skipped[r].first_lines) << r;
  }
  ASSERT_EQ(a.summary.first_errors.size(), b.summary.first_errors.size());
  for (std::size_t e = 0; e < a.summary.first_errors.size(); ++e) {
    EXPECT_EQ(a.summary.first_errors[e].message, b.summary.first_errors[e].message);
  }
}

io::TransactionMapping mapping() {
  io::TransactionMapping m;
  m.customer = io::ColumnRef::named("customer");
  m.date = io::ColumnRef::named("date");
  m.date_format = "%Y-%m-%d %H:%M:%S";
  m.invoice = io::ColumnRef::named("invoice");
  m.product = io::ColumnRef::named("product");
  m.quantity = io::ColumnRef::named("quantity");
  m.unit_price = io::ColumnRef::named("price");
  m.currency = io::ColumnRef::named("currency");
  return m;
}

io::TransactionFilter filter() {
  io::TransactionFilter f;
  f.cancellation_prefix = "C";
  f.require_positive_price = true;
  return f;
}

// A file of `lines` rows mixing every case the pieces must agree on. quoted_newlines puts a line
// break inside some quoted product names.
std::string make_file(int lines, const std::string& eol, bool quoted_newlines) {
  std::mt19937 rng(7);
  std::string out =
      "\xEF\xBB\xBF"
      "invoice,customer,date,product,quantity,price,currency" +
      eol;
  for (int i = 0; i < lines; ++i) {
    const unsigned pick = rng() % 40;
    if (pick == 0) {
      out += eol;  // an empty line
      continue;
    }
    const std::string invoice = (pick == 1 ? "C" : "") + std::to_string(1000 + rng() % 500);
    std::string customer = "cust" + std::to_string(rng() % 120);
    if (pick == 2) customer.clear();  // missing customer
    std::string product = "P" + std::to_string(rng() % 50);
    if (pick == 3) product = "\"Mug, \"\"large\"\"\"";  // a quoted comma and doubled quotes
    // Every third line: cuts at line ends then often fall inside a quoted field.
    if (pick % 3 == 0 && pick > 3 && quoted_newlines) product = "\"two" + eol + "lines\"";
    std::string date = "2011-0" + std::to_string(1 + rng() % 9) + "-1" +
                       std::to_string(rng() % 10) + " 0" + std::to_string(rng() % 10) + ":30:00";
    if (pick == 5) date = "2011-02-30 10:00:00";  // a bad row
    const std::string price = pick == 6 ? "0" : std::to_string(rng() % 100) + ".5";
    const std::string currency = pick == 7 ? "EUR" : (pick == 8 ? "\"GBP\"" : "");
    out += invoice + "," + customer + "," + date + "," + product + "," +
           std::to_string(1 + rng() % 5) + "," + price + "," + currency + eol;
  }
  return out;
}

LoadedTransactions single(const std::string& text, const io::CsvOptions& csv,
                          const io::TransactionMapping& m, io::BadRowPolicy policy) {
  io::MemorySource source(text);
  auto loaded = load_transactions(source, csv, m, filter(), policy);
  EXPECT_TRUE(loaded.ok()) << loaded.error().message;
  return std::move(loaded).value();
}

void expect_every_piece_count_agrees(const std::string& text, const io::CsvOptions& csv = {},
                                     const io::TransactionMapping& m = mapping()) {
  const LoadedTransactions expected = single(text, csv, m, io::BadRowPolicy::kSkip);
  EXPECT_GT(expected.table.size(), 0U);
  const io::MemoryBytes bytes(text);
  for (std::size_t pieces = 1; pieces <= 9; ++pieces) {
    SCOPED_TRACE("pieces " + std::to_string(pieces));
    ParallelLoadOptions options;
    options.pieces = pieces;
    auto loaded =
        load_transactions_parallel(bytes, csv, m, filter(), io::BadRowPolicy::kSkip, options);
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    expect_same(expected, *loaded);
  }
}

TEST(ParallelLoad, PiecesGiveTheSingleReadersTableWithLfLineEnds) {
  expect_every_piece_count_agrees(make_file(3000, "\n", false));
}

TEST(ParallelLoad, PiecesGiveTheSingleReadersTableWithCrlfLineEnds) {
  expect_every_piece_count_agrees(make_file(3000, "\r\n", false));
}

TEST(ParallelLoad, LoneCrLinesKeepTheirLineNumbers) {
  // Old Mac line ends in part of the file: CsvReader counts a lone CR as a line end.
  std::string text = make_file(1500, "\n", false);
  text += make_file(500, "\r", false).substr(60);
  text += make_file(1500, "\n", false).substr(60);
  expect_every_piece_count_agrees(text);
}

TEST(ParallelLoad, QuotedNewlinesFallBackToOneReader) {
  expect_every_piece_count_agrees(make_file(3000, "\n", true));
  expect_every_piece_count_agrees(make_file(3000, "\r\n", true));
}

TEST(ParallelLoad, PositionalColumnsWithoutHeader) {
  std::string text = make_file(2000, "\n", false);
  text = text.substr(text.find('\n') + 1);
  io::TransactionMapping m;
  m.has_header = false;
  m.invoice = io::ColumnRef::at(0);
  m.customer = io::ColumnRef::at(1);
  m.date = io::ColumnRef::at(2);
  m.date_format = "%Y-%m-%d %H:%M:%S";
  m.product = io::ColumnRef::at(3);
  m.quantity = io::ColumnRef::at(4);
  m.unit_price = io::ColumnRef::at(5);
  expect_every_piece_count_agrees(text, {}, m);
}

TEST(ParallelLoad, KeepsOnlyTheColumnsAskedFor) {
  const std::string text = make_file(2000, "\n", false);
  const io::MemoryBytes bytes(text);
  ParallelLoadOptions options;
  options.pieces = 3;
  options.columns = TableColumns{true, false, false, false};
  auto loaded =
      load_transactions_parallel(bytes, {}, mapping(), filter(), io::BadRowPolicy::kSkip, options);
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  const LoadedTransactions full = single(text, {}, mapping(), io::BadRowPolicy::kSkip);
  EXPECT_EQ(loaded->table.size(), full.table.size());
  EXPECT_EQ(loaded->table.invoice, full.table.invoice);
  EXPECT_EQ(loaded->table.amount, full.table.amount);
  EXPECT_TRUE(loaded->table.product.empty());
  EXPECT_TRUE(loaded->table.quantity.empty());
  EXPECT_TRUE(loaded->table.second_of_day.empty());
  EXPECT_EQ(loaded->table.products.size(), 0U);
}

TEST(ParallelLoad, FailPolicyReportsTheFirstBadRowOfTheFile) {
  const std::string text = make_file(3000, "\n", false);
  io::MemorySource source(text);
  const auto expected = load_transactions(source, {}, mapping(), filter(), io::BadRowPolicy::kFail);
  ASSERT_FALSE(expected.ok());
  const io::MemoryBytes bytes(text);
  ParallelLoadOptions options;
  options.pieces = 4;
  const auto loaded =
      load_transactions_parallel(bytes, {}, mapping(), filter(), io::BadRowPolicy::kFail, options);
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.error().message, expected.error().message);
}

TEST(ParallelLoad, EmptyAndHeaderOnlyFilesFailOrLoadAsOneReaderDoes) {
  const io::MemoryBytes empty("");
  ParallelLoadOptions options;
  options.pieces = 2;
  const auto none =
      load_transactions_parallel(empty, {}, mapping(), filter(), io::BadRowPolicy::kSkip, options);
  ASSERT_FALSE(none.ok());
  EXPECT_NE(none.error().message.find("empty"), std::string::npos);

  const std::string header = "invoice,customer,date,product,quantity,price,currency\n";
  const io::MemoryBytes header_only(header);
  const auto loaded = load_transactions_parallel(header_only, {}, mapping(), filter(),
                                                 io::BadRowPolicy::kSkip, options);
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_EQ(loaded->table.size(), 0U);
  EXPECT_EQ(loaded->summary.rows_read, 0);
}

}  // namespace
}  // namespace rapport::analytics
