// Tests for revenue concentration: REFERENCE.md §6's Pareto table on the clean Online Retail set,
// exact small cases for Lorenz and Gini, and bad input.
#include "analytics/concentration.hpp"

#include <gtest/gtest.h>

#include "analytics/rfm.hpp"
#include "analytics/transaction_test_data.hpp"

namespace rapport::analytics {
namespace {

TEST(Concentration, OnlineRetailParetoTable) {
  auto rfm = compute_rfm(testing::online_retail_clean(), testing::day_of(2011, 12, 10));
  ASSERT_TRUE(rfm.ok());
  auto c = concentration(rfm->monetary);
  ASSERT_TRUE(c.ok());
  ASSERT_EQ(c->top.size(), 4U);
  EXPECT_EQ(c->top[0].customers, 43U);
  EXPECT_NEAR(c->top[0].revenue_share, 0.31775, 5e-6);
  EXPECT_EQ(c->top[1].customers, 216U);
  EXPECT_EQ(c->top[2].customers, 433U);
  EXPECT_NEAR(c->top[2].revenue_share, 0.61334, 5e-6);
  EXPECT_EQ(c->top[3].customers, 867U);
  EXPECT_NEAR(c->top[3].revenue_share, 0.74594, 5e-6);
  EXPECT_EQ(c->customers_for_80_percent, 1133U);
  EXPECT_GT(c->gini, 0.5);
  EXPECT_LT(c->gini, 1.0);
  ASSERT_EQ(c->lorenz.size(), 101U);
  EXPECT_EQ(c->lorenz.front().revenue_share, 0.0);
  EXPECT_EQ(c->lorenz.back().revenue_share, 1.0);
  // At 80 % of customers the curve sits at 1 − top-20 % share.
  EXPECT_NEAR(c->lorenz[80].revenue_share, 1 - 0.74594, 1e-3);
}

TEST(Concentration, EqualSpendHasNoConcentration) {
  const std::vector<std::int64_t> revenue(10, 500);
  auto c = concentration(revenue, kDefaultTopFractions, 3);
  ASSERT_TRUE(c.ok());
  EXPECT_NEAR(c->gini, 0.0, 1e-12);
  EXPECT_EQ(c->customers_for_80_percent, 8U);
  ASSERT_EQ(c->lorenz.size(), 3U);
  EXPECT_DOUBLE_EQ(c->lorenz[1].customer_share, 0.5);
  EXPECT_DOUBLE_EQ(c->lorenz[1].revenue_share, 0.5);
}

TEST(Concentration, OneCustomerWithEverything) {
  const std::vector<std::int64_t> revenue = {0, 0, 0, 1000};
  auto c = concentration(revenue);
  ASSERT_TRUE(c.ok());
  EXPECT_DOUBLE_EQ(c->gini, 0.75);  // (n − 1) / n
  EXPECT_EQ(c->customers_for_80_percent, 1U);
  EXPECT_EQ(c->top[3].customers, 0U);  // ⌊0.2 · 4⌋
  EXPECT_EQ(c->top[3].revenue_share, 0.0);
}

TEST(Concentration, BadInputIsAnError) {
  EXPECT_FALSE(concentration(std::vector<std::int64_t>{}).ok());
  EXPECT_FALSE(concentration(std::vector<std::int64_t>{0, 0}).ok());
  EXPECT_FALSE(concentration(std::vector<std::int64_t>{5, -1}).ok());
  const std::vector<double> bad_fraction = {1.5};
  EXPECT_FALSE(concentration(std::vector<std::int64_t>{5}, bad_fraction).ok());
  EXPECT_FALSE(concentration(std::vector<std::int64_t>{5}, kDefaultTopFractions, 1).ok());
}

}  // namespace
}  // namespace rapport::analytics
