// Customer-base forecasts on CDNOW (consistency with E[Y] and E[X]), MAPE and back-tests.
#include "analytics/forecast.hpp"

#include <numeric>

#include <gtest/gtest.h>

#include "analytics/test_data.hpp"

namespace rapport::analytics {
namespace {

struct CdnowModels {
  CustomerSummaries summaries;
  BgNbdParams purchases;
  GammaGammaParams spend;
};

const CdnowModels& cdnow() {
  static const CdnowModels models = [] {
    CdnowModels m{testing::cdnow_summaries(), {}, {}};
    auto purchases = fit_bgnbd(m.summaries);
    auto spend = fit_gamma_gamma(m.summaries);
    EXPECT_TRUE(purchases.ok());
    EXPECT_TRUE(spend.ok());
    m.purchases = purchases->params;
    m.spend = spend->params;
    return m;
  }();
  return models;
}

double sum(const std::vector<double>& v) { return std::accumulate(v.begin(), v.end(), 0.0); }

TEST(Forecast, ExistingCustomersAddUpToTheConditionalExpectation) {
  const auto& m = cdnow();
  auto weekly = forecast_customer_base(m.summaries, m.purchases, m.spend, {39, 1.0, 0.0});
  ASSERT_TRUE(weekly.ok());
  ASSERT_EQ(weekly->orders.size(), 39u);
  // Telescoping increments: 39 weekly periods hold Σ E[Y(39)] = 1653.42 (REFERENCE.md §2).
  EXPECT_NEAR(sum(weekly->orders), 1653.42, 0.05);
  EXPECT_EQ(weekly->orders, weekly->existing_orders);
  for (std::size_t p = 1; p < weekly->orders.size(); ++p)
    EXPECT_LT(weekly->orders[p], weekly->orders[p - 1]);  // a closed cohort thins out
  auto spend = gamma_gamma_expected_spend(m.spend, m.summaries);
  auto year = bgnbd_conditional_expected(m.purchases, m.summaries, 39);
  ASSERT_TRUE(spend.ok());
  ASSERT_TRUE(year.ok());
  double revenue = 0;
  for (std::size_t i = 0; i < m.summaries.size(); ++i) revenue += (*spend)[i] * (*year)[i];
  EXPECT_NEAR(sum(weekly->revenue), revenue, 1e-6 * revenue);
}

TEST(Forecast, NewCustomersFollowTheUnconditionalCurve) {
  const auto& m = cdnow();
  auto closed = forecast_customer_base(m.summaries, m.purchases, m.spend, {4, 13.0, 0.0});
  auto open = forecast_customer_base(m.summaries, m.purchases, m.spend, {4, 13.0, 100.0});
  ASSERT_TRUE(closed.ok());
  ASSERT_TRUE(open.ok());
  // Cohorts start at weeks 0, 13, 26, 39; by week 52 each has had its first order plus
  // E[X(52 − start)] repeats.
  double expected_new = 0;
  for (double start : {0.0, 13.0, 26.0, 39.0}) {
    auto repeats = bgnbd_expected_purchases(m.purchases, 52 - start);
    ASSERT_TRUE(repeats.ok());
    expected_new += 100 * (1 + *repeats);
  }
  EXPECT_NEAR(sum(open->orders) - sum(closed->orders), expected_new, 1e-9 * expected_new);
  EXPECT_NEAR(open->orders[0] - closed->orders[0],
              100 * (1 + *bgnbd_expected_purchases(m.purchases, 13)), 1e-9);
  const double mean_spend = *gamma_gamma_expected_spend(m.spend, 0, 0);
  EXPECT_NEAR(sum(open->revenue) - sum(closed->revenue), expected_new * mean_spend,
              1e-9 * expected_new * mean_spend);
}

TEST(Forecast, AcquisitionRateAndBadOptions) {
  const auto& m = cdnow();
  auto rate = historical_acquisition_rate(m.summaries, 1.0);
  ASSERT_TRUE(rate.ok());
  double window = 0;
  for (double age : m.summaries.age) window = std::max(window, age);
  EXPECT_NEAR(*rate, 2357 / window, 1e-12);
  EXPECT_FALSE(forecast_customer_base(m.summaries, m.purchases, m.spend, {0, 1, 0}).ok());
  auto bad = forecast_customer_base(m.summaries, m.purchases, m.spend, {4, 1, -2});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().fields.at(0).field, "acquisitions_per_period");
}

TEST(Forecast, MeanAbsolutePercentageError) {
  const double actual[] = {100, 0, 50};
  const double predicted[] = {110, 7, 40};
  auto mape = mean_absolute_percentage_error(actual, predicted);
  ASSERT_TRUE(mape.ok());
  EXPECT_DOUBLE_EQ(*mape, 15.0);
  const double zeros[] = {0, 0, 0};
  EXPECT_FALSE(mean_absolute_percentage_error(zeros, predicted).ok());
}

TEST(Forecast, BacktestScoresEveryMethodOnTheSameHoldout) {
  std::vector<double> series;
  for (int t = 0; t < 48; ++t) series.push_back(100 + t + (t % 12 < 6 ? 20.0 : -20.0));
  const std::vector<double> flat(6, 150.0);  // the hold-out runs 122 … 127
  auto scores = backtest(series, 6, 12, {{"flat", flat, 0}});
  ASSERT_TRUE(scores.ok());
  ASSERT_EQ(scores->size(), 2u);
  EXPECT_EQ((*scores)[0].method, "holt_winters");
  EXPECT_LT((*scores)[0].mape, 1e-6);
  EXPECT_GT((*scores)[1].mape, 15.0);
  EXPECT_FALSE(backtest(series, 30, 12).ok());  // 18 periods left: under two seasons
  EXPECT_FALSE(backtest(series, 6, 12, {{"short", {1, 2}, 0}}).ok());
}

TEST(Forecast, CdnowHoldoutBacktest) {
  // Weekly repeat purchases over 78 weeks; the last 39 are CDNOW's hold-out. The customer-base
  // forecast uses only the calibration summaries; Holt's linear method (season length 1) sees
  // the calibration weeks only.
  const auto weekly = testing::cdnow_weekly_repeat_purchases();
  ASSERT_EQ(weekly.size(), 78u);
  EXPECT_DOUBLE_EQ(std::accumulate(weekly.begin() + 39, weekly.end(), 0.0), 1882);
  const auto& m = cdnow();
  auto model = forecast_customer_base(m.summaries, m.purchases, m.spend, {39, 1.0, 0.0});
  ASSERT_TRUE(model.ok());
  auto scores = backtest(weekly, 39, 1, {{"customer_base", model->orders, 0}});
  ASSERT_TRUE(scores.ok());
  ASSERT_EQ(scores->size(), 2u);
  // Measured: the customer-base forecast has a weekly MAPE of 19.5% and beats the
  // series-only method, which cannot know that the cohort closed after week 12.
  EXPECT_LT((*scores)[1].mape, 25.0);
  EXPECT_LT((*scores)[1].mape, (*scores)[0].mape);
}

}  // namespace
}  // namespace rapport::analytics
