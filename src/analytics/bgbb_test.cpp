// BG/BB against REFERENCE.md §5 (donations, FHS10) plus properties and parameter recovery.
#include "analytics/bgbb.hpp"

#include <random>

#include <gtest/gtest.h>

#include "analytics/test_data.hpp"

namespace rapport::analytics {
namespace {

DiscreteSummaries donations() {
  DiscreteSummaries s;
  for (const auto& row : testing::read_csv("cdnow/donations.csv")) {
    s.frequency.push_back(std::stod(row.at(0)));
    s.recency.push_back(std::stod(row.at(1)));
    s.periods.push_back(std::stod(row.at(2)));
    s.weight.push_back(std::stod(row.at(3)));
  }
  return s;
}

const BgBbFit& donations_fit() {
  static const BgBbFit fit = [] {
    auto result = fit_bgbb(donations());
    EXPECT_TRUE(result.ok());
    return *result;
  }();
  return fit;
}

TEST(BgBb, FitsTheDonationsData) {
  const BgBbFit& fit = donations_fit();
  EXPECT_TRUE(fit.converged);
  EXPECT_EQ(fit.customers, 11104);
  EXPECT_NEAR(fit.log_likelihood, -33225.581, 0.01);
  EXPECT_NEAR(fit.params.alpha, 1.203522, 0.001 * 1.203522);
  EXPECT_NEAR(fit.params.beta, 0.749716, 0.001 * 0.749716);
  EXPECT_NEAR(fit.params.gamma, 0.656718, 0.001 * 0.656718);
  EXPECT_NEAR(fit.params.delta, 2.783442, 0.001 * 2.783442);
}

TEST(BgBb, ProbabilityAliveInTheNextYear) {
  const BgBbParams& p = donations_fit().params;
  EXPECT_NEAR(bgbb_probability_alive(p, 0, 0, 6, 1), 0.1081, 1e-4);
  EXPECT_NEAR(bgbb_probability_alive(p, 2, 4, 6, 1), 0.5897, 1e-4);
  EXPECT_NEAR(bgbb_probability_alive(p, 6, 6, 6, 1), 0.9304, 1e-4);
}

TEST(BgBb, PropertiesOverEveryRow) {
  const auto s = donations();
  const BgBbParams& p = donations_fit().params;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const double now = bgbb_probability_alive(p, s.frequency[i], s.recency[i], s.periods[i], 0);
    const double later = bgbb_probability_alive(p, s.frequency[i], s.recency[i], s.periods[i], 1);
    EXPECT_GE(later, 0.0);
    EXPECT_LE(later, now);
    EXPECT_LE(now, 1.0 + 1e-12);
    double previous = 0;
    for (int future = 1; future <= 10; ++future) {
      auto value =
          bgbb_expected_transactions(p, s.frequency[i], s.recency[i], s.periods[i], future);
      ASSERT_TRUE(value.ok());
      EXPECT_GT(*value, previous);
      EXPECT_LE(*value - previous, 1.0);  // at most one transaction per opportunity
      previous = *value;
    }
  }
  // Donors who gave every year are expected to give more than those who never repeated.
  EXPECT_GT(*bgbb_expected_transactions(p, 6, 6, 6, 5), *bgbb_expected_transactions(p, 0, 0, 6, 5));
}

TEST(BgBb, RecoversSimulatedParameters) {
  const BgBbParams truth{1.2, 0.75, 0.65, 2.8};
  std::mt19937_64 rng(5);
  auto beta_draw = [&rng](double a, double b) {
    std::gamma_distribution<double> ga(a, 1.0), gb(b, 1.0);
    const double u = ga(rng);
    return u / (u + gb(rng));
  };
  const int n = 6;
  DiscreteSummaries s;
  for (int c = 0; c < 6000; ++c) {
    const double buy = beta_draw(truth.alpha, truth.beta);
    const double die = beta_draw(truth.gamma, truth.delta);
    std::bernoulli_distribution buys(buy), dies(die);
    double x = 0, t_x = 0;
    for (int t = 1; t <= n; ++t) {
      if (dies(rng)) break;
      if (buys(rng)) {
        ++x;
        t_x = t;
      }
    }
    s.frequency.push_back(x);
    s.recency.push_back(t_x);
    s.periods.push_back(n);
    s.weight.push_back(1);
  }
  auto fit = fit_bgbb(s);
  ASSERT_TRUE(fit.ok());
  EXPECT_NEAR(fit->params.alpha, truth.alpha, 0.3 * truth.alpha);
  EXPECT_NEAR(fit->params.beta, truth.beta, 0.3 * truth.beta);
  EXPECT_NEAR(fit->params.gamma, truth.gamma, 0.3 * truth.gamma);
  EXPECT_NEAR(fit->params.delta, truth.delta, 0.4 * truth.delta);
}

TEST(BgBb, RejectsBadRows) {
  DiscreteSummaries s{{3}, {2}, {6}, {1}};
  auto fit = fit_bgbb(s);
  ASSERT_FALSE(fit.ok());
  EXPECT_EQ(fit.error().fields.at(0).field, "recency/0");
  EXPECT_FALSE(fit_bgbb(DiscreteSummaries{{1}, {1}, {6}, {0}}).ok());
  EXPECT_FALSE(fit_bgbb(DiscreteSummaries{{1}, {1}, {6}, {}}).ok());
  EXPECT_FALSE(fit_bgbb(DiscreteSummaries{}).ok());
  EXPECT_FALSE(bgbb_expected_transactions(donations_fit().params, 1, 1, 6, -1).ok());
}

}  // namespace
}  // namespace rapport::analytics
