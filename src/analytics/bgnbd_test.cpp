// BG/NBD against REFERENCE.md §2 (CDNOW sample, weeks) plus properties and parameter recovery.
#include "analytics/bgnbd.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

#include <gtest/gtest.h>

#include "analytics/test_data.hpp"

namespace rapport::analytics {
namespace {

const BgNbdFit& cdnow_fit() {
  static const BgNbdFit fit = [] {
    auto result = fit_bgnbd(testing::cdnow_frequency_summaries());
    EXPECT_TRUE(result.ok());
    return *result;
  }();
  return fit;
}

// The parameters lifetimes and R BTYD test P(X(t)=n) with.
constexpr BgNbdParams kRounded{0.243, 4.414, 0.793, 2.426};

TEST(BgNbd, FitsCdnowLikeThePublishedModel) {
  const BgNbdFit& fit = cdnow_fit();
  EXPECT_TRUE(fit.converged);
  EXPECT_NEAR(fit.log_likelihood, -9582.4256, 0.01);
  EXPECT_NEAR(fit.params.r, 0.242593, 0.001 * 0.242593);
  EXPECT_NEAR(fit.params.alpha, 4.413532, 0.001 * 4.413532);
  EXPECT_NEAR(fit.params.a, 0.792886, 0.001 * 0.792886);
  EXPECT_NEAR(fit.params.b, 2.425752, 0.001 * 2.425752);
  EXPECT_EQ(fit.customers, 2357u);
  EXPECT_LT(fit.distinct_rows, fit.customers);
  for (double se : {fit.standard_errors.r, fit.standard_errors.alpha, fit.standard_errors.a,
                    fit.standard_errors.b}) {
    EXPECT_GT(se, 0);
    EXPECT_LT(se, 2);
  }
}

TEST(BgNbd, ExpectedPurchasesMatchHardiesSheet) {
  const BgNbdParams& p = cdnow_fit().params;
  const double times[] = {0.1429, 1, 3, 31.8571, 32, 78};
  const double expected[] = {0.00782, 0.05318, 0.15063, 1.04049, 1.04374, 1.85797};
  for (int i = 0; i < 6; ++i) {
    auto value = bgnbd_expected_purchases(p, times[i]);
    ASSERT_TRUE(value.ok());
    EXPECT_NEAR(*value, expected[i], 1e-4) << times[i];
  }
}

TEST(BgNbd, ConditionalExpectationAndProbabilityAlive) {
  const BgNbdParams& p = cdnow_fit().params;
  auto y = bgnbd_conditional_expected(p, 2, 30.43, 38.86, 39);
  ASSERT_TRUE(y.ok());
  EXPECT_NEAR(*y, 1.22591, 1e-4);
  EXPECT_NEAR(bgnbd_probability_alive(p, 2, 30.43, 38.86), 0.726609, 1e-5);
  EXPECT_NEAR(bgnbd_probability_alive(p, 26, 30.86, 31), 0.968920, 1e-5);
  EXPECT_EQ(bgnbd_probability_alive(p, 0, 0, 38.86), 1.0);
}

TEST(BgNbd, TopFiveByNextWeekMatchLifetimes) {
  const auto s = testing::cdnow_frequency_summaries();
  auto scores = bgnbd_conditional_expected(cdnow_fit().params, s, 1);
  ASSERT_TRUE(scores.ok());
  std::vector<std::size_t> order(s.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(),
            [&](std::size_t i, std::size_t j) { return (*scores)[i] > (*scores)[j]; });
  const char* ids[] = {"1516", "157", "1981", "841", "509"};
  const double values[] = {0.710623, 0.662396, 0.486526, 0.474738, 0.424877};
  for (int k = 0; k < 5; ++k) {
    EXPECT_EQ(s.customer_ids[order[k]], ids[k]);
    EXPECT_NEAR((*scores)[order[k]], values[k], 2e-6);
  }
  auto year = bgnbd_conditional_expected(cdnow_fit().params, s, 39);
  ASSERT_TRUE(year.ok());
  EXPECT_NEAR(std::accumulate(year->begin(), year->end(), 0.0), 1653.42, 0.05);
}

TEST(BgNbd, ProbabilityOfPurchasesMatchesBtydManual) {
  EXPECT_NEAR(*bgnbd_probability_of_purchases(kRounded, 2, 10), 1.0786896e-07, 1e-13);
  EXPECT_NEAR(*bgnbd_probability_of_purchases(kRounded, 39, 0), 0.57378635, 1e-8);
  const double expected[] = {0.0019995214, 0.0015170236, 0.0011633150, 0.0009003148, 0.0007023638,
                             0.0005517902, 0.0004361913, 0.0003467171, 0.0002769613, 0.0002222260};
  for (int n = 11; n <= 20; ++n)
    EXPECT_NEAR(*bgnbd_probability_of_purchases(kRounded, 30, n), expected[n - 11], 1e-10) << n;
  double total = 0;
  for (int n = 0; n < 400; ++n) total += *bgnbd_probability_of_purchases(kRounded, 30, n);
  EXPECT_NEAR(total, 1.0, 1e-6);
  EXPECT_FALSE(bgnbd_probability_of_purchases(kRounded, 30, -1).ok());
  EXPECT_FALSE(bgnbd_probability_of_purchases(kRounded, -1, 2).ok());
}

TEST(BgNbd, PropertiesHoldOverTheCdnowCustomers) {
  const auto s = testing::cdnow_frequency_summaries();
  const BgNbdParams& p = cdnow_fit().params;
  auto alive = bgnbd_probability_alive(p, s);
  ASSERT_TRUE(alive.ok());
  for (double value : *alive) {
    EXPECT_GE(value, 0.0);
    EXPECT_LE(value, 1.0);
  }
  double previous = 0;
  for (double t = 0; t <= 520; t += 13) {
    auto value = bgnbd_expected_purchases(p, t);
    ASSERT_TRUE(value.ok());
    EXPECT_GE(*value, previous);
    previous = *value;
  }
}

TEST(BgNbd, FitDoesNotDependOnRowOrder) {
  auto s = testing::cdnow_frequency_summaries();
  std::mt19937_64 rng(7);
  std::vector<std::size_t> order(s.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::shuffle(order.begin(), order.end(), rng);
  CustomerSummaries shuffled;
  for (std::size_t i : order) {
    shuffled.customer_ids.push_back(s.customer_ids[i]);
    shuffled.frequency.push_back(s.frequency[i]);
    shuffled.recency.push_back(s.recency[i]);
    shuffled.age.push_back(s.age[i]);
    shuffled.monetary.push_back(0);
  }
  auto fit = fit_bgnbd(shuffled);
  ASSERT_TRUE(fit.ok());
  EXPECT_EQ(fit->params.r, cdnow_fit().params.r);
  EXPECT_EQ(fit->params.b, cdnow_fit().params.b);
  EXPECT_EQ(fit->log_likelihood, cdnow_fit().log_likelihood);
}

// Simulates FHL05's story: λ ~ Γ(r, α), p ~ B(a, b); purchases at rate λ, and after each
// purchase the customer drops out with probability p.
CustomerSummaries simulate(const BgNbdParams& p, int customers, double age, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::gamma_distribution<double> rate(p.r, 1.0 / p.alpha);
  std::gamma_distribution<double> beta_a(p.a, 1.0), beta_b(p.b, 1.0);
  CustomerSummaries s;
  for (int i = 0; i < customers; ++i) {
    const double lambda = rate(rng);
    const double ga = beta_a(rng);
    const double dropout = ga / (ga + beta_b(rng));
    std::exponential_distribution<double> gap(lambda);
    std::bernoulli_distribution dies(dropout);
    double t = 0, last = 0, x = 0;
    while (lambda > 0) {
      t += gap(rng);
      if (t > age) break;
      last = t;
      ++x;
      if (dies(rng)) break;
    }
    s.customer_ids.push_back(std::to_string(i));
    s.frequency.push_back(x);
    s.recency.push_back(last);
    s.age.push_back(age);
    s.monetary.push_back(0);
  }
  return s;
}

TEST(BgNbd, RecoversSimulatedParameters) {
  const BgNbdParams truth{0.5, 6.0, 0.7, 2.5};
  auto fit = fit_bgnbd(simulate(truth, 8000, 52, 42));
  ASSERT_TRUE(fit.ok());
  EXPECT_NEAR(fit->params.r, truth.r, 0.15 * truth.r);
  EXPECT_NEAR(fit->params.alpha, truth.alpha, 0.2 * truth.alpha);
  EXPECT_NEAR(fit->params.a, truth.a, 0.3 * truth.a);
  EXPECT_NEAR(fit->params.b, truth.b, 0.4 * truth.b);
}

TEST(BgNbd, RejectsBadSummaries) {
  CustomerSummaries s{{"a"}, {1}, {5}, {4}, {0}};
  auto fit = fit_bgnbd(s);
  ASSERT_FALSE(fit.ok());
  ASSERT_EQ(fit.error().fields.size(), 1u);
  EXPECT_EQ(fit.error().fields[0].field, "recency/0");
  EXPECT_FALSE(fit_bgnbd(CustomerSummaries{}).ok());
  EXPECT_FALSE(fit_bgnbd(CustomerSummaries{{"a"}, {-1}, {0}, {4}, {0}}).ok());
  EXPECT_FALSE(fit_bgnbd(CustomerSummaries{{"a"}, {1.5}, {1}, {4}, {0}}).ok());
  EXPECT_FALSE(bgnbd_expected_purchases(cdnow_fit().params, -1).ok());
}

TEST(BgNbd, ScoresStayFiniteForExtremeCustomers) {
  // x up to ~8,000, ages from hours to decades, horizons far beyond the data.
  const BgNbdParams& p = cdnow_fit().params;
  std::mt19937_64 rng(3);
  std::uniform_real_distribution<double> log_age(-3, 9), log_count(0, 9), log_horizon(-3, 8);
  for (int i = 0; i < 5000; ++i) {
    const double age = std::exp(log_age(rng));
    const double x = std::floor(std::exp(log_count(rng))) - 1;
    const double t_x = x == 0 ? 0 : std::uniform_real_distribution<double>(0, age)(rng);
    const double t = std::exp(log_horizon(rng));
    auto y = bgnbd_conditional_expected(p, x, t_x, age, t);
    ASSERT_TRUE(y.ok()) << x << " " << t_x << " " << age << " " << t;
    EXPECT_TRUE(std::isfinite(*y) && *y >= 0) << x << " " << t_x << " " << age << " " << t;
    const double alive = bgnbd_probability_alive(p, x, t_x, age);
    EXPECT_TRUE(alive >= 0 && alive <= 1);
    auto unconditional = bgnbd_expected_purchases(p, t);
    ASSERT_TRUE(unconditional.ok());
    EXPECT_TRUE(std::isfinite(*unconditional));
  }
}

}  // namespace
}  // namespace rapport::analytics
