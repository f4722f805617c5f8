// Gamma-Gamma against REFERENCE.md §4 (946 CDNOW repeat buyers) plus parameter recovery.
#include "analytics/gamma_gamma.hpp"

#include <algorithm>
#include <numeric>
#include <random>

#include <gtest/gtest.h>

#include "analytics/test_data.hpp"

namespace rapport::analytics {
namespace {

const GammaGammaFit& cdnow_fit() {
  static const GammaGammaFit fit = [] {
    auto result = fit_gamma_gamma(testing::cdnow_summaries());
    EXPECT_TRUE(result.ok());
    return *result;
  }();
  return fit;
}

TEST(GammaGamma, FitsCdnowRepeatBuyers) {
  const GammaGammaFit& fit = cdnow_fit();
  EXPECT_TRUE(fit.converged);
  EXPECT_EQ(fit.repeat_buyers, 946u);
  EXPECT_NEAR(fit.log_likelihood, -4055.9232, 0.01);
  EXPECT_NEAR(fit.params.p, 6.248803, 0.001 * 6.248803);
  EXPECT_NEAR(fit.params.q, 3.744588, 0.001 * 3.744588);
  EXPECT_NEAR(fit.params.gamma, 15.447747, 0.001 * 15.447747);
  EXPECT_GT(fit.standard_errors.p, 0);
}

TEST(GammaGamma, ExpectedSpendMatchesLifetimes) {
  const auto s = testing::cdnow_summaries();
  auto spend = gamma_gamma_expected_spend(cdnow_fit().params, s);
  ASSERT_TRUE(spend.ok());
  const double expected[] = {24.658619, 18.911489, 35.170981, 35.170981, 35.170981,
                             71.462843, 18.911489, 35.170981, 27.282408, 35.170981};
  for (int i = 0; i < 10; ++i) EXPECT_NEAR((*spend)[i], expected[i], 1e-4) << i + 1;
  EXPECT_NEAR(std::accumulate(spend->begin(), spend->end(), 0.0) / spend->size(), 35.2529588, 1e-4);
  double repeat_sum = 0;
  int repeat_buyers = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s.frequency[i] == 0) continue;
    repeat_sum += s.monetary[i];
    ++repeat_buyers;
  }
  EXPECT_NEAR(repeat_sum / repeat_buyers, 35.078551797, 1e-6);
}

TEST(GammaGamma, FitDoesNotDependOnRowOrder) {
  auto s = testing::cdnow_summaries();
  std::reverse(s.frequency.begin(), s.frequency.end());
  std::reverse(s.monetary.begin(), s.monetary.end());
  auto fit = fit_gamma_gamma(s);
  ASSERT_TRUE(fit.ok());
  EXPECT_EQ(fit->params.p, cdnow_fit().params.p);
  EXPECT_EQ(fit->log_likelihood, cdnow_fit().log_likelihood);
}

TEST(GammaGamma, RecoversSimulatedParameters) {
  // z ~ Γ(p, ν) per transaction with ν ~ Γ(q, γ): m̄ is the mean of x draws.
  const GammaGammaParams truth{4.0, 3.0, 20.0};
  std::mt19937_64 rng(11);
  std::gamma_distribution<double> scale_rate(truth.q, 1.0 / truth.gamma);
  std::uniform_int_distribution<int> count(1, 8);
  CustomerSummaries s;
  for (int i = 0; i < 4000; ++i) {
    const double nu = scale_rate(rng);
    const int x = count(rng);
    std::gamma_distribution<double> spend(truth.p, 1.0 / nu);
    double total = 0;
    for (int k = 0; k < x; ++k) total += spend(rng);
    s.frequency.push_back(x);
    s.monetary.push_back(total / x);
    s.recency.push_back(1);
    s.age.push_back(1);
  }
  auto fit = fit_gamma_gamma(s);
  ASSERT_TRUE(fit.ok());
  EXPECT_NEAR(fit->params.p, truth.p, 0.1 * truth.p);
  EXPECT_NEAR(fit->params.q, truth.q, 0.2 * truth.q);
  EXPECT_NEAR(fit->params.gamma, truth.gamma, 0.3 * truth.gamma);
}

TEST(GammaGamma, RejectsBadInput) {
  auto fit = fit_gamma_gamma(CustomerSummaries{{"a"}, {2}, {1}, {2}, {-5}});
  ASSERT_FALSE(fit.ok());
  EXPECT_EQ(fit.error().fields.at(0).field, "monetary/0");
  EXPECT_FALSE(fit_gamma_gamma(CustomerSummaries{{"a"}, {0}, {0}, {2}, {0}}).ok());
  EXPECT_FALSE(gamma_gamma_expected_spend({6, 0.5, 15}, 2, 10).ok());
}

}  // namespace
}  // namespace rapport::analytics
