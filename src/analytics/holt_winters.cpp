// Additive Holt–Winters: state recursion, SSE fit over (α, β, γ) ∈ [0, 1]³ with NLopt, forecast.
#include "analytics/holt_winters.hpp"

#include <cmath>
#include <exception>
#include <numeric>

#include <nlopt.hpp>

namespace rapport::analytics {
namespace {

struct Series {
  std::span<const double> values;
  int season_length;
  double initial_level;
  double initial_trend;
  std::vector<double> initial_seasonal;
};

// Runs the recursion with the given smoothing parameters; fills `model`'s final state and SSE.
void run(const Series& s, double alpha, double beta, double gamma, HoltWintersModel& model) {
  model.alpha = alpha;
  model.beta = beta;
  model.gamma = gamma;
  model.season_length = s.season_length;
  model.level = s.initial_level;
  model.trend = s.initial_trend;
  model.seasonal = s.initial_seasonal;
  model.observations = s.values.size();
  double sse = 0;
  const auto m = static_cast<std::size_t>(s.season_length);
  for (std::size_t t = 0; t < s.values.size(); ++t) {
    double& season = model.seasonal[t % m];
    const double y = s.values[t];
    const double error = y - (model.level + model.trend + season);
    sse += error * error;
    const double previous_level = model.level;
    model.level = alpha * (y - season) + (1 - alpha) * (model.level + model.trend);
    model.trend = beta * (model.level - previous_level) + (1 - beta) * model.trend;
    season = gamma * (y - model.level) + (1 - gamma) * season;
  }
  model.sum_squared_error = sse;
}

struct Objective {
  const Series* series;
  HoltWintersModel scratch;
};

double sse(unsigned /*n*/, const double* x, double* /*gradient*/, void* data) {
  auto& objective = *static_cast<Objective*>(data);
  run(*objective.series, x[0], x[1], x[2], objective.scratch);
  return objective.scratch.sum_squared_error;
}

}  // namespace

core::Result<HoltWintersModel> fit_holt_winters(std::span<const double> values, int season_length) {
  if (season_length < 1) return core::Error::field("season_length", "must be >= 1");
  const auto m = static_cast<std::size_t>(season_length);
  if (values.size() < 2 * m) return core::Error::field("series", "needs at least two seasons");
  for (std::size_t t = 0; t < values.size(); ++t) {
    if (!std::isfinite(values[t]))
      return core::Error::field("series/" + std::to_string(t), "must be finite");
  }
  Series s{values, season_length, 0, 0, std::vector<double>(m)};
  const double first = std::accumulate(values.begin(), values.begin() + m, 0.0) / m;
  const double second = std::accumulate(values.begin() + m, values.begin() + 2 * m, 0.0) / m;
  // The first season's mean sits at its centre, (m − 1)/2; step the level back to just before
  // the first observation and take the trend out of the seasonal terms, so that a series that
  // is exactly linear plus seasonal is reproduced without error from the first period.
  const double trend = (second - first) / static_cast<double>(m);
  const double centre = (static_cast<double>(m) - 1) / 2;
  s.initial_level = first - trend * (centre + 1);
  s.initial_trend = trend;
  for (std::size_t i = 0; i < m; ++i)
    s.initial_seasonal[i] = values[i] - first - trend * (static_cast<double>(i) - centre);

  Objective objective{&s, {}};
  HoltWintersModel best;
  run(s, 0.3, 0.1, 0.1, best);
  // SSE is cheap and can have several local minima on the unit cube: a few starts.
  for (const auto& start : {std::vector<double>{0.3, 0.1, 0.1}, std::vector<double>{0.8, 0.2, 0.5},
                            std::vector<double>{0.1, 0.01, 0.8}}) {
    nlopt::opt opt(nlopt::LN_BOBYQA, 3);
    opt.set_lower_bounds(0.0);
    opt.set_upper_bounds(1.0);
    opt.set_min_objective(sse, &objective);
    opt.set_xtol_rel(1e-8);
    opt.set_maxeval(5000);
    std::vector<double> x = start;
    double value = 0;
    try {
      opt.optimize(x, value);
    } catch (const std::exception&) {
      // A round-off stop leaves x at the best point found, which is still usable.
    }
    HoltWintersModel candidate;
    run(s, x[0], x[1], x[2], candidate);
    if (candidate.sum_squared_error < best.sum_squared_error) best = std::move(candidate);
  }
  return best;
}

std::vector<double> forecast_holt_winters(const HoltWintersModel& model, int horizon) {
  std::vector<double> out;
  if (horizon < 1 || model.season_length < 1) return out;
  const auto m = static_cast<std::size_t>(model.season_length);
  for (int h = 1; h <= horizon; ++h) {
    const std::size_t index = (model.observations + static_cast<std::size_t>(h) - 1) % m;
    out.push_back(model.level + h * model.trend + model.seasonal[index]);
  }
  return out;
}

std::vector<core::Result<std::vector<double>>> forecast_each(
    const std::vector<std::vector<double>>& series, int horizon, int season_length) {
  std::vector<core::Result<std::vector<double>>> out;
  out.reserve(series.size());
  for (const auto& values : series) {
    auto model = fit_holt_winters(values, season_length);
    if (!model.ok()) {
      out.emplace_back(std::move(model).error());
      continue;
    }
    out.emplace_back(forecast_holt_winters(*model, horizon));
  }
  return out;
}

}  // namespace rapport::analytics
