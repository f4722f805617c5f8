// CLV against lifetimes' figures (REFERENCE.md §4) and its basic properties.
#include "analytics/clv.hpp"

#include <algorithm>

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

TEST(Clv, MatchesLifetimesThirtyUnitSteps) {
  const auto& m = cdnow();
  auto clv = customer_lifetime_value(m.purchases, m.spend, m.summaries, {12, 30, 0.01});
  ASSERT_TRUE(clv.ok());
  const double expected[] = {140.096211,  18.943467, 38.180574, 38.180574,  38.180574,
                             1003.868107, 28.109683, 38.180574, 167.418216, 38.180574};
  for (int i = 0; i < 10; ++i)
    EXPECT_NEAR((*clv)[i], expected[i], std::max(1e-4, 1e-6 * expected[i])) << i + 1;
}

TEST(Clv, TrueMonthsAreWorthLessThanThirtyWeekSteps) {
  const auto& m = cdnow();
  auto weeks = customer_lifetime_value(m.purchases, m.spend, m.summaries, {12, 30, 0.01});
  auto months =
      customer_lifetime_value(m.purchases, m.spend, m.summaries, {12, 365.25 / 12 / 7, 0.01});
  ASSERT_TRUE(weeks.ok());
  ASSERT_TRUE(months.ok());
  for (std::size_t i = 0; i < m.summaries.size(); ++i) {
    EXPECT_GE((*months)[i], 0);
    EXPECT_LE((*months)[i], (*weeks)[i]);
  }
}

TEST(Clv, DiscountingLowersValue) {
  const auto& m = cdnow();
  auto flat = customer_lifetime_value(m.purchases, m.spend, m.summaries, {12, 30, 0.0});
  auto discounted = customer_lifetime_value(m.purchases, m.spend, m.summaries, {12, 30, 0.05});
  ASSERT_TRUE(flat.ok());
  ASSERT_TRUE(discounted.ok());
  for (std::size_t i = 0; i < m.summaries.size(); ++i) EXPECT_LT((*discounted)[i], (*flat)[i]);
}

TEST(Clv, RejectsBadOptions) {
  const auto& m = cdnow();
  EXPECT_FALSE(customer_lifetime_value(m.purchases, m.spend, m.summaries, {0, 30, 0.01}).ok());
  auto no_step = customer_lifetime_value(m.purchases, m.spend, m.summaries, {12, 0, 0.01});
  ASSERT_FALSE(no_step.ok());
  EXPECT_EQ(no_step.error().fields.at(0).field, "step_length");
  EXPECT_FALSE(customer_lifetime_value(m.purchases, m.spend, m.summaries, {12, 30, -1}).ok());
}

}  // namespace
}  // namespace rapport::analytics
