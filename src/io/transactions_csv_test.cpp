// Tests for the transaction CSV import: mapping checks, parsing, the cleaning policy, the skip
// summary, and REFERENCE.md §6's raw Online Retail counts (the file is read once per binary).
#include "io/transactions_csv.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <unordered_set>
#include <vector>

#include "io/decimal.hpp"

namespace rapport::io {
namespace {

struct Kept {
  std::string customer, invoice, product, currency;
  std::int64_t timestamp, quantity, amount, line;
  bool operator==(const Kept&) const = default;
};

struct ImportRun {
  core::Result<ImportSummary> summary;
  std::vector<Kept> rows;
};

ImportRun run_import(std::string_view text, const TransactionMapping& mapping,
                     const TransactionFilter& filter, BadRowPolicy policy = BadRowPolicy::kSkip,
                     CsvOptions csv = {}) {
  MemorySource source(text);
  std::vector<Kept> rows;
  auto summary =
      read_transactions(source, csv, mapping, filter, policy, [&](const TransactionRow& r) {
        rows.push_back({std::string(r.customer), std::string(r.invoice), std::string(r.product),
                        std::string(r.currency), r.timestamp, r.quantity, r.amount, r.line});
        return core::ok_status();
      });
  return {std::move(summary), std::move(rows)};
}

TransactionMapping retail_mapping() {
  TransactionMapping m;
  m.customer = ColumnRef::named("CustomerID");
  m.date = ColumnRef::named("InvoiceDate");
  m.date_format = "%Y-%m-%d %H:%M:%S";
  m.invoice = ColumnRef::named("InvoiceNo");
  m.product = ColumnRef::named("StockCode");
  m.quantity = ColumnRef::named("Quantity");
  m.unit_price = ColumnRef::named("UnitPrice");
  m.default_currency = "GBP";
  m.strip_zero_fraction_from_ids = true;
  return m;
}

TransactionFilter clean_filter() {
  TransactionFilter f;
  f.cancellation_prefix = "C";
  f.drop_cancellations = true;
  f.require_positive_quantity = true;
  f.require_positive_price = true;
  return f;
}

constexpr std::string_view kSmall =
    "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n"
    "536365,85123A,\"HEART, WHITE\",6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom\n"
    "536366,22633,HAND WARMER,6,2010-12-01 08:28:00,1.85,,United Kingdom\n"
    "C536379,D,Discount,-1,2010-12-01 09:41:00,27.50,14527.0,United Kingdom\n"
    "536380,22961,JAM JAR,0,2010-12-01 09:41:00,1.45,14527.0,United Kingdom\n"
    "536381,22139,RETRO SPOT,2,2010-12-01 09:41:00,0,14527.0,United Kingdom\n"
    "536382,PADS,PADS,3,2010-12-01 09:45:00,0.001,13952.0,United Kingdom\n"
    "536383,X,bad date,1,2010-13-01 09:45:00,1.00,13952.0,United Kingdom\n"
    "536384,Y,bad qty,1.5,2010-12-01 09:45:00,1.00,13952.0,United Kingdom\n"
    "short,row\n";

TEST(TransactionsCsv, CleanPolicyKeepsOnlyGoodRowsAndExplainsTheRest) {
  const ImportRun r = run_import(kSmall, retail_mapping(), clean_filter());
  ASSERT_TRUE(r.summary.ok()) << r.summary.error().message;
  const ImportSummary& s = *r.summary;
  EXPECT_EQ(s.rows_read, 9);
  EXPECT_EQ(s.rows_kept, 2);
  EXPECT_EQ(s.of(SkipReason::kMissingCustomer).rows, 1);
  EXPECT_EQ(s.of(SkipReason::kMissingCustomer).first_lines, std::vector<std::int64_t>{3});
  EXPECT_EQ(s.of(SkipReason::kCancelled).first_lines, std::vector<std::int64_t>{4});
  EXPECT_EQ(s.of(SkipReason::kNonPositiveQuantity).first_lines, std::vector<std::int64_t>{5});
  EXPECT_EQ(s.of(SkipReason::kNonPositivePrice).first_lines, std::vector<std::int64_t>{6});
  EXPECT_EQ(s.of(SkipReason::kBadRow).first_lines, (std::vector<std::int64_t>{8, 9, 10}));
  ASSERT_EQ(s.first_errors.size(), 3U);
  EXPECT_THAT(s.first_errors[0].message, testing::HasSubstr("line 8, column InvoiceDate"));
  EXPECT_EQ(s.first_errors[0].fields[0].field, "line/8/InvoiceDate");
  EXPECT_THAT(s.first_errors[1].message, testing::HasSubstr("column Quantity"));
  EXPECT_THAT(s.first_errors[2].message, testing::HasSubstr("expected at least 7 fields"));

  ASSERT_EQ(r.rows.size(), 2U);
  EXPECT_EQ(r.rows[0], (Kept{"17850", "536365", "85123A", "GBP", 14944 * 86400 + 8 * 3600 + 26 * 60,
                             6, 1530, 2}));
  // 3 × 0.001 = 0.003 rounds to 0 pence, but the price itself is positive.
  EXPECT_EQ(r.rows[1].customer, "13952");
  EXPECT_EQ(r.rows[1].amount, 0);
}

TEST(TransactionsCsv, FailPolicyStopsAtTheFirstBadRow) {
  const ImportRun r = run_import(kSmall, retail_mapping(), clean_filter(), BadRowPolicy::kFail);
  ASSERT_FALSE(r.summary.ok());
  EXPECT_THAT(r.summary.error().message, testing::HasSubstr("line 8"));
  EXPECT_EQ(r.rows.size(), 2U);
}

TEST(TransactionsCsv, KeptCancellationsBecomeNegativeLines) {
  TransactionFilter filter;
  filter.cancellation_prefix = "R";
  const std::string text = "c,d,q,p,i\nA,2020-01-01,2,5.00,R1\nA,2020-01-02,1,5.00,I2\n";
  TransactionMapping m;
  m.customer = ColumnRef::named("c");
  m.date = ColumnRef::named("d");
  m.quantity = ColumnRef::named("q");
  m.unit_price = ColumnRef::named("p");
  m.invoice = ColumnRef::named("i");
  const ImportRun r = run_import(text, m, filter);
  ASSERT_TRUE(r.summary.ok());
  ASSERT_EQ(r.rows.size(), 2U);
  EXPECT_EQ(r.rows[0].quantity, -2);
  EXPECT_EQ(r.rows[0].amount, -1000);
  EXPECT_EQ(r.rows[1].amount, 500);
}

TEST(TransactionsCsv, PositionalColumnsWithoutHeaderLikeCdnow) {
  TransactionMapping m;
  m.has_header = false;
  m.customer = ColumnRef::at(1);
  m.date = ColumnRef::at(2);
  m.date_format = "%Y%m%d";
  m.quantity = ColumnRef::at(3);
  m.amount = ColumnRef::at(4);
  m.default_currency = "USD";
  CsvOptions csv;
  csv.whitespace_delimited = true;
  const ImportRun r =
      run_import(" 00004 00001 19970101  2   29.33\r\n 00004 00001 19970118  2   29.73\r\n", m,
                 TransactionFilter(), BadRowPolicy::kFail, csv);
  ASSERT_TRUE(r.summary.ok()) << r.summary.error().message;
  ASSERT_EQ(r.rows.size(), 2U);
  EXPECT_EQ(r.rows[0], (Kept{"00001", "", "", "USD", 9862 * 86400, 2, 2933, 1}));
  EXPECT_EQ(r.rows[1].amount, 2973);
}

TEST(TransactionsCsv, InvalidMappingsAreFieldErrors) {
  TransactionMapping m;
  m.has_header = false;
  m.customer = ColumnRef::named("name");
  m.date_format = "%Q";
  m.minor_digits = 9;
  MemorySource source("");
  auto r = read_transactions(source, {}, m, {}, BadRowPolicy::kSkip,
                             [](const TransactionRow&) { return core::ok_status(); });
  ASSERT_FALSE(r.ok());
  std::set<std::string> fields;
  for (const auto& f : r.error().fields) fields.insert(f.field);
  EXPECT_EQ(fields,
            (std::set<std::string>{"date", "unit_price", "date_format", "minor_digits", "name"}));
}

TEST(TransactionsCsv, MissingHeaderColumnIsNamed) {
  const ImportRun r = run_import("a,b\n1,2\n", retail_mapping(), TransactionFilter());
  ASSERT_FALSE(r.summary.ok());
  EXPECT_EQ(r.summary.error().fields[0].field, "customer");
  EXPECT_THAT(r.summary.error().message, testing::HasSubstr("CustomerID"));
}

TEST(TransactionsCsv, SinkErrorsStopTheImport) {
  MemorySource source(kSmall);
  auto r = read_transactions(source, {}, retail_mapping(), clean_filter(), BadRowPolicy::kSkip,
                             [](const TransactionRow&) { return core::Error::conflict("full"); });
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, core::ErrorKind::kConflict);
}

// The decompressed Online Retail file, read once for this binary.
class OnlineRetail : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto source = FileSource::open(std::string(RAPPORT_SHARED_DATA) +
                                   "/online_retail/online_retail_2010-12_2011-12.csv.gz");
    ASSERT_TRUE(source.ok());
    text_ = new std::string();
    std::vector<char> block(1 << 20);
    for (;;) {
      auto got = (*source)->read(block);
      ASSERT_TRUE(got.ok());
      if (*got == 0) break;
      text_->append(block.data(), *got);
    }
  }
  static void TearDownTestSuite() {
    delete text_;
    text_ = nullptr;
  }
  static std::string* text_;
};
std::string* OnlineRetail::text_ = nullptr;

TEST_F(OnlineRetail, RawCountsThroughTheReader) {
  MemorySource source(*text_);
  CsvReader reader(source);
  CsvRecord record;
  ASSERT_TRUE(*reader.next(record));
  std::int64_t rows = 0, no_customer = 0, cancel_rows = 0, qty_le0 = 0, price_le0 = 0,
               price_lt0 = 0, duplicates = 0;
  std::unordered_set<std::string> customers, invoices, whole_rows;
  for (;;) {
    auto more = reader.next(record);
    ASSERT_TRUE(more.ok());
    if (!*more) break;
    ASSERT_EQ(record.size(), 8U) << record.line;
    ++rows;
    if (record[6].empty())
      ++no_customer;
    else
      customers.emplace(record[6]);
    invoices.emplace(record[0]);
    if (record[0].starts_with("C")) ++cancel_rows;
    const auto qty = parse_scaled_decimal(record[3], 0);
    const auto price = parse_scaled_decimal(record[5], 6);
    ASSERT_TRUE(qty && price) << record.line;
    qty_le0 += *qty <= 0;
    price_le0 += *price <= 0;
    price_lt0 += *price < 0;
    std::string joined;
    for (std::string_view f : record.fields) joined.append(f).push_back('\x1f');
    duplicates += !whole_rows.insert(std::move(joined)).second;
  }
  EXPECT_EQ(rows, 541909);
  EXPECT_EQ(customers.size(), 4372U);
  EXPECT_EQ(no_customer, 135080);
  EXPECT_EQ(invoices.size(), 25900U);
  EXPECT_EQ(cancel_rows, 9288);
  EXPECT_EQ(duplicates, 5268);
  EXPECT_EQ(qty_le0, 10624);
  EXPECT_EQ(price_le0, 2517);
  EXPECT_EQ(price_lt0, 2);
}

TEST_F(OnlineRetail, FilterSummariesMatchTheReference) {
  auto count = [&](const TransactionFilter& filter, std::int64_t* amount,
                   std::set<std::string>* customers) {
    MemorySource source(*text_);
    return read_transactions(source, {}, retail_mapping(), filter, BadRowPolicy::kFail,
                             [&](const TransactionRow& r) {
                               if (amount != nullptr) *amount += r.amount;
                               if (customers != nullptr) customers->emplace(r.customer);
                               return core::ok_status();
                             });
  };
  TransactionFilter everything;
  everything.require_customer = false;
  std::int64_t all_amount = 0;
  auto all = count(everything, &all_amount, nullptr);
  ASSERT_TRUE(all.ok()) << all.error().message;
  EXPECT_EQ(all->rows_kept, 541909);
  // Σ Quantity·UnitPrice = 9,747,747.93; four 0.001 prices round to 0 pence per line.
  EXPECT_NEAR(all_amount, 974774793, 1);

  std::int64_t with_customer_amount = 0;
  auto with_customer = count(TransactionFilter(), &with_customer_amount, nullptr);
  ASSERT_TRUE(with_customer.ok());
  EXPECT_EQ(with_customer->rows_kept, 406829);
  EXPECT_EQ(with_customer->of(SkipReason::kMissingCustomer).rows, 135080);
  EXPECT_EQ(with_customer_amount, 830006581);

  TransactionFilter only_c;
  only_c.cancellation_prefix = "C";
  only_c.drop_cancellations = true;
  std::set<std::string> only_c_customers;
  auto dropped_c = count(only_c, nullptr, &only_c_customers);
  ASSERT_TRUE(dropped_c.ok());
  EXPECT_EQ(dropped_c->rows_kept, 397924);
  EXPECT_EQ(dropped_c->of(SkipReason::kCancelled).rows, 8905);
  EXPECT_EQ(only_c_customers.size(), 4339U);

  std::int64_t clean_amount = 0;
  std::set<std::string> clean_customers;
  auto clean = count(clean_filter(), &clean_amount, &clean_customers);
  ASSERT_TRUE(clean.ok());
  EXPECT_EQ(clean->rows_read, 541909);
  EXPECT_EQ(clean->rows_kept, 397884);
  EXPECT_EQ(clean->of(SkipReason::kNonPositiveQuantity).rows, 0);
  EXPECT_EQ(clean->of(SkipReason::kNonPositivePrice).rows, 40);
  EXPECT_EQ(clean->of(SkipReason::kBadRow).rows, 0);
  EXPECT_EQ(clean_customers.size(), 4338U);
  EXPECT_EQ(clean_amount, 891140790);

  TransactionFilter quantity_only;
  quantity_only.require_customer = false;
  quantity_only.require_positive_quantity = true;
  auto q = count(quantity_only, nullptr, nullptr);
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(q->of(SkipReason::kNonPositiveQuantity).rows, 10624);
  TransactionFilter price_only;
  price_only.require_customer = false;
  price_only.require_positive_price = true;
  auto p = count(price_only, nullptr, nullptr);
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->of(SkipReason::kNonPositivePrice).rows, 2517);
}

}  // namespace
}  // namespace rapport::io
