// Additive Holt–Winters (level, trend, seasonal) for period totals such as monthly revenue,
// with smoothing parameters fitted by minimising the in-sample one-step squared error.
#pragma once

#include <span>
#include <vector>

#include "core/result.hpp"

namespace rapport::analytics {

struct HoltWintersModel {
  double alpha = 0;  // level smoothing, in [0, 1]
  double beta = 0;   // trend smoothing
  double gamma = 0;  // seasonal smoothing
  int season_length = 0;
  double level = 0;  // state after the last observation
  double trend = 0;
  std::vector<double> seasonal;  // season_length entries; index (t mod season_length)
  std::size_t observations = 0;  // length of the fitted series
  double sum_squared_error = 0;  // in-sample one-step-ahead
};

// Fits the model to `series` (oldest first), initialising level and trend from the first two
// seasons and the seasonal terms from the first season's deviations. Needs at least two full
// seasons and finite values; returns an invalid error otherwise or for season_length < 1.
core::Result<HoltWintersModel> fit_holt_winters(std::span<const double> series,
                                                int season_length = 12);

// Forecasts for the `horizon` periods after the fitted series: level + h·trend + seasonal.
std::vector<double> forecast_holt_winters(const HoltWintersModel& model, int horizon);

// Holt–Winters forecasts for each series separately (e.g. one per product). Entry i is the
// forecast of series[i], or its error when that series is too short or not finite; the caller
// chooses which products have enough history.
std::vector<core::Result<std::vector<double>>> forecast_each(
    const std::vector<std::vector<double>>& series, int horizon, int season_length = 12);

}  // namespace rapport::analytics
