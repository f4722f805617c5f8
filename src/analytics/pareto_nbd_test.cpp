// Pareto/NBD against REFERENCE.md §3 (CDNOW sample, weeks) plus properties.
#include "analytics/pareto_nbd.hpp"

#include <cmath>
#include <random>

#include <gtest/gtest.h>

#include "analytics/test_data.hpp"

namespace rapport::analytics {
namespace {

const ParetoNbdFit& cdnow_fit() {
  static const ParetoNbdFit fit = [] {
    auto result = fit_pareto_nbd(testing::cdnow_frequency_summaries());
    EXPECT_TRUE(result.ok());
    return *result;
  }();
  return fit;
}

// The R BTYD walkthrough's parameters.
constexpr ParetoNbdParams kBtyd{0.5534, 10.5802, 0.6061, 11.6562};

TEST(ParetoNbd, FitsCdnowLikeThePublishedModel) {
  const ParetoNbdFit& fit = cdnow_fit();
  EXPECT_TRUE(fit.converged);
  EXPECT_NEAR(fit.log_likelihood, -9594.9739, 0.01);
  EXPECT_NEAR(fit.params.r, 0.553276, 0.001 * 0.553276);
  EXPECT_NEAR(fit.params.alpha, 10.577612, 0.001 * 10.577612);
  EXPECT_NEAR(fit.params.s, 0.606213, 0.001 * 0.606213);
  // β is weakly identified (SE ≈ 6): checked through the LL above, and loosely here.
  EXPECT_NEAR(fit.params.beta, 11.667907, 0.05 * 11.667907);
  EXPECT_GT(fit.standard_errors.beta, 1.0);
}

TEST(ParetoNbd, LikelihoodAtTheBtydParameters) {
  auto rows = aggregate_rows(testing::cdnow_frequency_summaries());
  ASSERT_TRUE(rows.ok());
  EXPECT_NEAR(pareto_nbd_log_likelihood(kBtyd, *rows), -9594.9740, 0.01);
}

TEST(ParetoNbd, ExpectedPurchasesColumn) {
  const double expected[] = {0.051007, 0.099627, 0.146135, 0.190758, 0.233687,
                             0.275081, 0.315077, 0.353795, 0.391338};
  for (int t = 1; t <= 9; ++t) {
    auto value = pareto_nbd_expected_purchases(cdnow_fit().params, t);
    ASSERT_TRUE(value.ok());
    EXPECT_NEAR(*value, expected[t - 1], 2e-5) << t;
  }
}

TEST(ParetoNbd, ConditionalExpectationAndProbabilityAlive) {
  auto ours = pareto_nbd_conditional_expected(cdnow_fit().params, 26, 30.86, 31, 52);
  ASSERT_TRUE(ours.ok());
  EXPECT_NEAR(*ours, 25.4565, 0.005);
  auto btyd = pareto_nbd_conditional_expected(kBtyd, 26, 30.86, 31, 52);
  ASSERT_TRUE(btyd.ok());
  EXPECT_NEAR(*btyd, 25.4549, 1e-3);
  auto alive = pareto_nbd_probability_alive(kBtyd, 26, 30.86, 31);
  ASSERT_TRUE(alive.ok());
  EXPECT_NEAR(*alive, 0.997918, 1e-5);
}

TEST(ParetoNbd, BothBranchesAgreeNearAlphaEqualsBeta) {
  // The α ≥ β and α < β forms describe one function; they must meet at α = β.
  const ParetoNbdParams below{0.55, 10.0 - 1e-9, 0.6, 10.0};
  const ParetoNbdParams above{0.55, 10.0 + 1e-9, 0.6, 10.0};
  auto lower = pareto_nbd_log_likelihood(below, 4, 20, 38);
  auto upper = pareto_nbd_log_likelihood(above, 4, 20, 38);
  ASSERT_TRUE(lower.ok());
  ASSERT_TRUE(upper.ok());
  EXPECT_NEAR(*lower, *upper, 1e-7);
}

TEST(ParetoNbd, PropertiesHoldOverTheCdnowCustomers) {
  const auto s = testing::cdnow_frequency_summaries();
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto alive =
        pareto_nbd_probability_alive(cdnow_fit().params, s.frequency[i], s.recency[i], s.age[i]);
    ASSERT_TRUE(alive.ok());
    EXPECT_GE(*alive, 0.0);
    EXPECT_LE(*alive, 1.0);
  }
  double previous = 0;
  for (double t = 0; t <= 520; t += 13) {
    auto value = pareto_nbd_expected_purchases(cdnow_fit().params, t);
    ASSERT_TRUE(value.ok());
    EXPECT_GE(*value, previous);
    previous = *value;
  }
}

TEST(ParetoNbd, RejectsBadInput) {
  EXPECT_FALSE(fit_pareto_nbd(CustomerSummaries{{"a"}, {2}, {5}, {-1}, {0}}).ok());
  EXPECT_FALSE(pareto_nbd_expected_purchases(kBtyd, -2).ok());
}

TEST(ParetoNbd, ScoresStayFiniteForExtremeCustomers) {
  const ParetoNbdParams& p = cdnow_fit().params;
  std::mt19937_64 rng(4);
  std::uniform_real_distribution<double> log_age(-3, 9), log_count(0, 9), log_horizon(-3, 8);
  for (int i = 0; i < 5000; ++i) {
    const double age = std::exp(log_age(rng));
    const double x = std::floor(std::exp(log_count(rng))) - 1;
    const double t_x = x == 0 ? 0 : std::uniform_real_distribution<double>(0, age)(rng);
    const double t = std::exp(log_horizon(rng));
    auto y = pareto_nbd_conditional_expected(p, x, t_x, age, t);
    auto alive = pareto_nbd_probability_alive(p, x, t_x, age);
    ASSERT_TRUE(y.ok() && alive.ok()) << x << " " << t_x << " " << age;
    EXPECT_TRUE(std::isfinite(*y) && *y >= 0) << x << " " << t_x << " " << age << " " << t;
    EXPECT_TRUE(*alive >= 0 && *alive <= 1);
  }
}

}  // namespace
}  // namespace rapport::analytics
