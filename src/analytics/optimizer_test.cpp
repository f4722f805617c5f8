// Optimizer: finds known maxima over log-parameters, with and without gradients, and gives
// the standard errors of a Gaussian likelihood.
#include "analytics/optimizer.hpp"

#include <cmath>

#include <gtest/gtest.h>

namespace rapport::analytics {
namespace {

// ℓ(θ) = −Σ (θ_i − c_i)² / (2σ_i²): maximum at c, standard errors σ.
constexpr double kCentre[3] = {0.25, 4.0, 120.0};
constexpr double kSigma[3] = {0.01, 0.5, 7.0};

double gaussian(std::span<const double> v) {
  double total = 0;
  for (int i = 0; i < 3; ++i) total -= std::pow(v[i] - kCentre[i], 2) / (2 * kSigma[i] * kSigma[i]);
  return total;
}

TEST(Optimizer, FindsTheMaximumAndItsStandardErrors) {
  FitOptions options;
  options.starts = {{1, 1, 1}, {0.1, 10, 50}};
  auto fit = maximise_log_likelihood(gaussian, options);
  ASSERT_TRUE(fit.ok());
  EXPECT_TRUE(fit->converged);
  EXPECT_GT(fit->iterations, 0);
  for (int i = 0; i < 3; ++i) {
    EXPECT_NEAR(fit->params[i], kCentre[i], 1e-6 * kCentre[i]) << i;
    EXPECT_NEAR(fit->standard_errors[i], kSigma[i], 1e-3 * kSigma[i]) << i;
  }
  EXPECT_NEAR(fit->log_likelihood, 0.0, 1e-9);
}

TEST(Optimizer, UsesTheGradientWhenGiven) {
  FitOptions options;
  options.starts = {{1, 1, 1}};
  options.gradient = [](std::span<const double> v, std::span<double> grad) {
    for (int i = 0; i < 3; ++i) grad[i] = -(v[i] - kCentre[i]) / (kSigma[i] * kSigma[i]);
    return gaussian(v);
  };
  auto fit = maximise_log_likelihood(gaussian, options);
  ASSERT_TRUE(fit.ok());
  EXPECT_TRUE(fit->converged);
  for (int i = 0; i < 3; ++i) EXPECT_NEAR(fit->params[i], kCentre[i], 1e-6 * kCentre[i]) << i;
}

TEST(Optimizer, SkipsRegionsWhereTheLikelihoodIsUndefined) {
  // Undefined (NaN) above 2 in the first parameter; the maximum at 1.5 is inside.
  const LogLikelihood ll = [](std::span<const double> v) -> double {
    if (v[0] > 2) return NAN;
    return -std::pow(v[0] - 1.5, 2) - std::pow(v[1] - 3, 2);
  };
  FitOptions options;
  options.starts = {{1, 1}};
  auto fit = maximise_log_likelihood(ll, options);
  ASSERT_TRUE(fit.ok());
  EXPECT_NEAR(fit->params[0], 1.5, 1e-5);
  EXPECT_NEAR(fit->params[1], 3.0, 1e-5);
}

TEST(Optimizer, SingularInformationGivesNanErrors) {
  // Flat in the second parameter: the information matrix has no inverse.
  const auto errors = standard_errors(std::vector<double>{-4, 0, 0, 0}, 2);
  EXPECT_TRUE(std::isnan(errors[0]));
  EXPECT_TRUE(std::isnan(errors[1]));
  // A correlated 2×2 information matrix [[4, 0.5], [0.5, 0.25]]: its inverse's diagonal is
  // (0.25, 4) / determinant.
  const auto correlated = standard_errors(std::vector<double>{-4, -0.5, -0.5, -0.25}, 2);
  const double determinant = 4 * 0.25 - 0.25;
  EXPECT_NEAR(correlated[0], std::sqrt(0.25 / determinant), 1e-12);
  EXPECT_NEAR(correlated[1], std::sqrt(4 / determinant), 1e-12);
}

TEST(Optimizer, RejectsBadStarts) {
  FitOptions none;
  EXPECT_FALSE(maximise_log_likelihood(gaussian, none).ok());
  FitOptions negative;
  negative.starts = {{1, -1, 1}};
  EXPECT_FALSE(maximise_log_likelihood(gaussian, negative).ok());
  FitOptions ragged;
  ragged.starts = {{1, 1, 1}, {1, 1}};
  EXPECT_FALSE(maximise_log_likelihood(gaussian, ragged).ok());
  FitOptions nowhere;
  nowhere.starts = {{1}};
  EXPECT_FALSE(
      maximise_log_likelihood([](std::span<const double>) -> double { return NAN; }, nowhere).ok());
}

}  // namespace
}  // namespace rapport::analytics
