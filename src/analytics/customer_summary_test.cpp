// Tests for summarize(): REFERENCE.md §1 on the CDNOW sample (against the published summary
// files), the Online Retail BG/NBD inputs of §6, hold-out counts and order independence.
#include "analytics/customer_summary.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include "analytics/bgnbd.hpp"
#include "analytics/test_data.hpp"
#include "analytics/transaction_test_data.hpp"

namespace rapport::analytics {
namespace {

using testing::cdnow_sample;
using testing::day_of;

CalibrationSummaries cdnow_calibration() {
  SummaryOptions options;
  options.period = Period::kWeek;
  options.calibration_end = day_of(1997, 9, 30);
  options.holdout_end = day_of(1998, 6, 30);
  auto s = summarize(cdnow_sample(), options);
  EXPECT_TRUE(s.ok());
  return s.ok() ? *s : CalibrationSummaries{};
}

TEST(CustomerSummary, CdnowSampleTotals) {
  const TransactionTable& t = cdnow_sample();
  EXPECT_EQ(t.size(), 6919U);
  EXPECT_EQ(t.customers.size(), 2357U);
  std::int64_t dollars = 0, cds = 0;
  for (std::size_t i = 0; i < t.size(); ++i) {
    dollars += t.amount[i];
    cds += t.quantity[i];
  }
  EXPECT_EQ(dollars, 24409194);
  EXPECT_EQ(cds, 16479);
}

TEST(CustomerSummary, CdnowMasterTotals) {
  io::CsvOptions csv;
  csv.whitespace_delimited = true;
  io::TransactionMapping m;
  m.customer = io::ColumnRef::named("customer_id");
  m.date = io::ColumnRef::named("date");
  m.date_format = "%Y%m%d";
  m.quantity = io::ColumnRef::named("number_of_cds");
  m.amount = io::ColumnRef::named("dollar_value");
  const auto loaded = testing::load_or_throw("cdnow/CDNOW_master.txt", csv, m, {});
  EXPECT_EQ(loaded.summary.rows_read, 69659);
  EXPECT_EQ(loaded.table.customers.size(), 23570U);
  std::int64_t dollars = 0, cds = 0;
  for (std::size_t i = 0; i < loaded.table.size(); ++i) {
    dollars += loaded.table.amount[i];
    cds += loaded.table.quantity[i];
  }
  EXPECT_EQ(dollars, 250031563);
  EXPECT_EQ(cds, 167881);
}

TEST(CustomerSummary, CdnowMatchesThePublishedSummaryFiles) {
  const CustomerSummaries ours = cdnow_calibration().calibration;
  ASSERT_EQ(ours.size(), 2357U);
  std::map<int, std::size_t> by_id;
  for (std::size_t i = 0; i < ours.size(); ++i) by_id[std::stoi(ours.customer_ids[i])] = i;
  ASSERT_EQ(by_id.size(), 2357U);

  const CustomerSummaries published = testing::cdnow_summaries();
  ASSERT_EQ(published.size(), 2357U);
  double max_recency = 0, max_age = 0, max_zbar = 0, sum_x = 0;
  int repeat_buyers = 0;
  for (std::size_t j = 0; j < published.size(); ++j) {
    const std::size_t i = by_id.at(std::stoi(published.customer_ids[j]));
    EXPECT_EQ(ours.frequency[i], published.frequency[j]) << published.customer_ids[j];
    max_recency = std::max(max_recency, std::abs(ours.recency[i] - published.recency[j]));
    max_age = std::max(max_age, std::abs(ours.age[i] - published.age[j]));
    max_zbar = std::max(max_zbar, std::abs(ours.monetary[i] - published.monetary[j]));
    sum_x += ours.frequency[i];
    repeat_buyers += ours.frequency[i] > 0;
  }
  EXPECT_LE(max_recency, 0.0043);  // the file rounds to 2 decimals
  EXPECT_LE(max_age, 0.0043);
  EXPECT_LE(max_zbar, 0.005 + 1e-9);  // the file rounds to cents: at most half a cent off
  EXPECT_EQ(repeat_buyers, 946);
  EXPECT_EQ(sum_x, 2457);

  // The frequency-only file agrees too.
  const CustomerSummaries plain = testing::cdnow_frequency_summaries();
  for (std::size_t j = 0; j < plain.size(); ++j) {
    EXPECT_EQ(ours.frequency[by_id.at(std::stoi(plain.customer_ids[j]))], plain.frequency[j]);
  }
}

TEST(CustomerSummary, CdnowHoldoutRepeatPurchaseDays) {
  const CalibrationSummaries s = cdnow_calibration();
  double total = 0;
  for (double x : s.holdout_frequency) total += x;
  EXPECT_EQ(total, 1882);
  EXPECT_DOUBLE_EQ(s.holdout_length, 273.0 / 7.0);
  const TransactionTable& t = cdnow_sample();
  int raw_rows = 0;
  for (std::int32_t d : t.day) raw_rows += d > day_of(1997, 9, 30) && d <= day_of(1998, 6, 30);
  EXPECT_EQ(raw_rows, 1959);
}

TEST(CustomerSummary, OnlineRetailBgNbdInputsInDays) {
  SummaryOptions options;
  options.period = Period::kDay;
  options.calibration_end = day_of(2011, 12, 9);
  auto s = summarize(testing::online_retail_clean(), options);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->calibration.size(), 4338U);
  double sum_x = 0;
  int repeat = 0;
  for (double x : s->calibration.frequency) {
    sum_x += x;
    repeat += x > 0;
  }
  EXPECT_EQ(repeat, 2790);
  EXPECT_EQ(sum_x, 12425);
  EXPECT_TRUE(s->holdout_frequency.empty());

  // REFERENCE.md §6, BG/NBD in days: the maximised LL to ±0.05 (0.5 % would be ±309 units,
  // wider than the gap between two different models); the stable r and α, E[X(t)] and
  // Σ E[Y(30)] at 0.5 %. Customers first seen on 2011-12-09 have T = 0 and must be accepted.
  auto fit = fit_bgnbd(s->calibration);
  ASSERT_TRUE(fit.ok()) << fit.error().message;
  EXPECT_NEAR(fit->log_likelihood, -61823.4713, 0.05);
  EXPECT_NEAR(fit->params.r, 0.8265, 0.8265 * 0.005);
  EXPECT_NEAR(fit->params.alpha, 68.90, 68.90 * 0.005);
  EXPECT_NEAR(*bgnbd_expected_purchases(fit->params, 30), 0.3598, 0.3598 * 0.005);
  EXPECT_NEAR(*bgnbd_expected_purchases(fit->params, 365), 4.371, 4.371 * 0.005);
  double sum_y30 = 0;
  for (std::size_t i = 0; i < s->calibration.size(); ++i) {
    sum_y30 += *bgnbd_conditional_expected(fit->params, s->calibration.frequency[i],
                                           s->calibration.recency[i], s->calibration.age[i], 30);
  }
  EXPECT_NEAR(sum_y30, 1557.7, 1557.7 * 0.005);
}

TEST(CustomerSummary, ShuffledInputGivesIdenticalSummaries) {
  const CalibrationSummaries expected = cdnow_calibration();
  const TransactionTable shuffled = testing::shuffled_copy(cdnow_sample(), 7);
  SummaryOptions options;
  options.calibration_end = day_of(1997, 9, 30);
  options.holdout_end = day_of(1998, 6, 30);
  auto s = summarize(shuffled, options);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->calibration.customer_ids, expected.calibration.customer_ids);
  EXPECT_EQ(s->calibration.frequency, expected.calibration.frequency);
  EXPECT_EQ(s->calibration.recency, expected.calibration.recency);
  EXPECT_EQ(s->calibration.age, expected.calibration.age);
  EXPECT_EQ(s->calibration.monetary, expected.calibration.monetary);
  EXPECT_EQ(s->holdout_frequency, expected.holdout_frequency);
}

TEST(CustomerSummary, ConventionsOnAHandmadeTable) {
  TransactionTable t;
  auto add = [&](std::string_view customer, std::int32_t day, std::int64_t amount) {
    io::TransactionRow row;
    row.customer = customer;
    row.currency = "EUR";
    row.timestamp = std::int64_t{day} * 86400 + 3600;
    row.amount = amount;
    ASSERT_TRUE(t.add(row).ok());
  };
  add("b", 100, 1000);
  add("b", 100, 500);  // same day: one purchase of 15.00
  add("b", 107, 2000);
  add("b", 121, 4000);
  add("b", 200, 100);  // after calibration, inside the hold-out
  add("a", 110, 300);
  add("late", 150, 100);  // first purchase after calibration: left out
  SummaryOptions options;
  options.period = Period::kWeek;
  options.calibration_end = 128;
  options.holdout_end = 300;
  auto s = summarize(t, options);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->calibration.customer_ids, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(s->calibration.frequency, (std::vector<double>{0, 2}));
  EXPECT_EQ(s->calibration.recency, (std::vector<double>{0, 3}));
  EXPECT_EQ(s->calibration.age, (std::vector<double>{18.0 / 7, 4}));
  EXPECT_EQ(s->calibration.monetary, (std::vector<double>{0, 30}));
  EXPECT_EQ(s->holdout_frequency, (std::vector<double>{0, 1}));

  options.period = Period::kMonth;
  auto monthly = summarize(t, options);
  ASSERT_TRUE(monthly.ok());
  EXPECT_DOUBLE_EQ(monthly->calibration.recency[1], 21 / (365.25 / 12));

  options.holdout_end = 100;
  EXPECT_FALSE(summarize(t, options).ok());
  io::TransactionRow other;
  other.customer = "a";
  other.currency = "USD";
  ASSERT_TRUE(t.add(other).ok());
  options.holdout_end.reset();
  EXPECT_FALSE(summarize(t, options).ok());
}

}  // namespace
}  // namespace rapport::analytics
