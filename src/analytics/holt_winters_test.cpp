// Holt–Winters: exact recovery of a linear-plus-seasonal series, noisy back-test, bad input.
#include "analytics/holt_winters.hpp"

#include <cmath>
#include <random>

#include <gtest/gtest.h>

namespace rapport::analytics {
namespace {

constexpr double kSeason[12] = {-30, -20, -5, 0, 10, 25, 40, 35, 10, -10, -25, -30};

std::vector<double> seasonal_series(int months, double noise, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> error(0.0, noise);
  std::vector<double> out;
  for (int t = 0; t < months; ++t) out.push_back(200 + 1.5 * t + kSeason[t % 12] + error(rng));
  return out;
}

TEST(HoltWinters, ReproducesAnExactSeasonalSeries) {
  const auto series = seasonal_series(48, 0.0, 1);
  auto model = fit_holt_winters(series);
  ASSERT_TRUE(model.ok());
  EXPECT_NEAR(model->sum_squared_error, 0.0, 1e-12);
  const auto forecast = forecast_holt_winters(*model, 18);
  ASSERT_EQ(forecast.size(), 18u);
  for (int h = 0; h < 18; ++h)
    EXPECT_NEAR(forecast[h], 200 + 1.5 * (48 + h) + kSeason[(48 + h) % 12], 1e-8) << h;
}

TEST(HoltWinters, NoisySeriesForecastsCloseToTheTruth) {
  const auto series = seasonal_series(60, 5.0, 3);
  auto model = fit_holt_winters(series);
  ASSERT_TRUE(model.ok());
  for (double parameter : {model->alpha, model->beta, model->gamma}) {
    EXPECT_GE(parameter, 0.0);
    EXPECT_LE(parameter, 1.0);
  }
  const auto forecast = forecast_holt_winters(*model, 12);
  for (int h = 0; h < 12; ++h) {
    const double truth = 200 + 1.5 * (60 + h) + kSeason[(60 + h) % 12];
    EXPECT_NEAR(forecast[h], truth, 20.0) << h;
  }
}

TEST(HoltWinters, ForecastsEachSeriesSeparately) {
  const std::vector<std::vector<double>> products = {seasonal_series(36, 1.0, 4),
                                                     std::vector<double>(10, 3.0)};
  const auto forecasts = forecast_each(products, 6);
  ASSERT_EQ(forecasts.size(), 2u);
  ASSERT_TRUE(forecasts[0].ok());
  EXPECT_EQ(forecasts[0]->size(), 6u);
  EXPECT_FALSE(forecasts[1].ok());
}

TEST(HoltWinters, RejectsBadSeries) {
  EXPECT_FALSE(fit_holt_winters(std::vector<double>(23, 1.0)).ok());
  std::vector<double> with_nan(24, 1.0);
  with_nan[5] = NAN;
  auto bad = fit_holt_winters(with_nan);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().fields.at(0).field, "series/5");
  EXPECT_FALSE(fit_holt_winters(std::vector<double>(24, 1.0), 0).ok());
  EXPECT_TRUE(fit_holt_winters(std::vector<double>(4, 1.0), 1).ok());
}

}  // namespace
}  // namespace rapport::analytics
