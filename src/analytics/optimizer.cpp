// NLopt-based maximum likelihood over log-parameters, with a finite-difference Hessian.
#include "analytics/optimizer.hpp"

#include <cmath>
#include <exception>
#include <limits>
#include <thread>

#include <nlopt.hpp>

namespace rapport::analytics {
namespace {

constexpr double kLowerBound = 1e-8;
constexpr double kNoValue = -1e300;  // what NLopt sees for an LL that is not finite

struct Objective {
  const LogLikelihood* ll;
  const LogLikelihoodWithGradient* with_gradient;
  std::vector<double> natural;  // scratch, reused across evaluations
  int evaluations = 0;
};

double objective(unsigned n, const double* log_params, double* gradient, void* data) {
  auto& state = *static_cast<Objective*>(data);
  ++state.evaluations;
  for (unsigned i = 0; i < n; ++i) state.natural[i] = std::exp(log_params[i]);
  if (gradient == nullptr) {
    const double value = (*state.ll)(state.natural);
    return std::isfinite(value) ? value : kNoValue;
  }
  const double value = (*state.with_gradient)(state.natural, std::span<double>(gradient, n));
  // Chain rule for θ = e^u: ∂ℓ/∂u = θ · ∂ℓ/∂θ.
  for (unsigned i = 0; i < n; ++i) gradient[i] *= state.natural[i];
  if (std::isfinite(value)) return value;
  for (unsigned i = 0; i < n; ++i) gradient[i] = 0;
  return kNoValue;
}

struct StageResult {
  std::vector<double> log_params;
  double value = kNoValue;
  bool converged = false;
};

// One NLopt run; NLopt reports round-off stalls as exceptions, which here just end the stage
// at its best point so far.
StageResult run_stage(nlopt::algorithm algorithm, Objective& state, std::vector<double> start,
                      const FitOptions& options, double tolerance) {
  const auto n = static_cast<unsigned>(start.size());
  nlopt::opt opt(algorithm, n);
  opt.set_lower_bounds(std::vector<double>(n, std::log(kLowerBound)));
  opt.set_upper_bounds(std::vector<double>(n, std::log(options.upper_bound)));
  opt.set_max_objective(objective, &state);
  opt.set_xtol_rel(tolerance);
  opt.set_ftol_rel(tolerance * 1e-3);
  opt.set_maxeval(options.max_evaluations);
  opt.set_initial_step(0.3);
  StageResult result;
  result.log_params = std::move(start);
  try {
    const nlopt::result status = opt.optimize(result.log_params, result.value);
    result.converged =
        status == nlopt::SUCCESS || status == nlopt::FTOL_REACHED || status == nlopt::XTOL_REACHED;
  } catch (const nlopt::roundoff_limited&) {
    result.value = opt.last_optimum_value();
    result.converged = true;
  } catch (const std::exception&) {
    result.value = kNoValue;
  }
  return result;
}

}  // namespace

core::Result<FitResult> maximise_log_likelihood(const LogLikelihood& ll,
                                                const FitOptions& options) {
  if (options.starts.empty()) return core::Error::invalid("fit: no starting point");
  const std::size_t n = options.starts.front().size();
  if (n == 0) return core::Error::invalid("fit: no parameters");
  std::vector<std::vector<double>> log_starts;
  for (const auto& start : options.starts) {
    if (start.size() != n) return core::Error::invalid("fit: starting points differ in size");
    std::vector<double> log_start(n);
    for (std::size_t i = 0; i < n; ++i) {
      if (!(start[i] > 0) || !(start[i] < options.upper_bound))
        return core::Error::invalid("fit: starting points must be positive and bounded");
      log_start[i] = std::log(start[i]);
    }
    log_starts.push_back(std::move(log_start));
  }
  // The coarse searches are independent: each runs on its own thread with its own state, and
  // the best is chosen in start order, so the result does not depend on thread timing.
  std::vector<Objective> states(log_starts.size(),
                                Objective{&ll, &options.gradient, std::vector<double>(n), 0});
  std::vector<StageResult> stages(log_starts.size());
  {
    std::vector<std::thread> threads;
    for (std::size_t k = 0; k < log_starts.size(); ++k) {
      threads.emplace_back([&, k] {
        stages[k] = run_stage(nlopt::LN_NELDERMEAD, states[k], std::move(log_starts[k]), options,
                              options.search_tolerance);
      });
    }
    for (auto& t : threads) t.join();
  }
  Objective state{&ll, &options.gradient, std::vector<double>(n), 0};
  StageResult best;
  for (std::size_t k = 0; k < stages.size(); ++k) {
    state.evaluations += states[k].evaluations;
    if (stages[k].value > best.value) best = std::move(stages[k]);
  }
  if (!(best.value > kNoValue)) return core::Error::invalid("fit: likelihood is not finite");
  // The coarse searches only pick the basin; the refinement reaches the optimum. Subplex also
  // moves along ridges where Nelder–Mead stalls (Pareto/NBD's β).
  const nlopt::algorithm refiner = options.gradient ? nlopt::LD_LBFGS : nlopt::LN_SBPLX;
  StageResult refined =
      run_stage(refiner, state, best.log_params, options, options.relative_tolerance);
  const bool converged = refined.converged;
  if (refined.value >= best.value) best = std::move(refined);

  FitResult fit;
  fit.params.resize(n);
  for (std::size_t i = 0; i < n; ++i) fit.params[i] = std::exp(best.log_params[i]);
  fit.log_likelihood = ll(fit.params);
  fit.converged = converged && std::isfinite(fit.log_likelihood);
  fit.iterations = state.evaluations;
  fit.standard_errors = standard_errors(numerical_hessian(ll, fit.params), n);
  return fit;
}

std::vector<double> numerical_hessian(const LogLikelihood& ll, std::span<const double> params) {
  const std::size_t n = params.size();
  std::vector<double> x(params.begin(), params.end());
  std::vector<double> h(n);
  for (std::size_t i = 0; i < n; ++i) h[i] = 1e-4 * std::max(std::abs(params[i]), 1e-3);
  // f(x + si·hi·ei + sj·hj·ej), restoring x afterwards.
  auto shifted = [&](std::size_t i, double si, std::size_t j, double sj) {
    x[i] += si * h[i];
    x[j] += sj * h[j];
    const double value = ll(x);
    x[i] = params[i];
    x[j] = params[j];
    return value;
  };
  const double centre = ll(x);
  std::vector<double> hessian(n * n);
  for (std::size_t i = 0; i < n; ++i) {
    hessian[i * n + i] = (shifted(i, 1, i, 0) - 2 * centre + shifted(i, -1, i, 0)) / (h[i] * h[i]);
    for (std::size_t j = i + 1; j < n; ++j) {
      const double value = (shifted(i, 1, j, 1) - shifted(i, 1, j, -1) - shifted(i, -1, j, 1) +
                            shifted(i, -1, j, -1)) /
                           (4 * h[i] * h[j]);
      hessian[i * n + j] = value;
      hessian[j * n + i] = value;
    }
  }
  return hessian;
}

std::vector<double> standard_errors(std::span<const double> hessian, std::size_t n) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  if (hessian.size() != n * n) return std::vector<double>(n, nan);
  // Gauss–Jordan inversion of the information matrix −H, failing on a non-positive pivot
  // (which a positive definite matrix never has).
  std::vector<double> a(n * n), inverse(n * n, 0.0);
  for (std::size_t k = 0; k < n * n; ++k) a[k] = -hessian[k];
  for (std::size_t i = 0; i < n; ++i) inverse[i * n + i] = 1.0;
  for (std::size_t col = 0; col < n; ++col) {
    const double pivot = a[col * n + col];
    if (!(pivot > 0) || !std::isfinite(pivot)) return std::vector<double>(n, nan);
    for (std::size_t k = 0; k < n; ++k) {
      a[col * n + k] /= pivot;
      inverse[col * n + k] /= pivot;
    }
    for (std::size_t row = 0; row < n; ++row) {
      if (row == col) continue;
      const double factor = a[row * n + col];
      for (std::size_t k = 0; k < n; ++k) {
        a[row * n + k] -= factor * a[col * n + k];
        inverse[row * n + k] -= factor * inverse[col * n + k];
      }
    }
  }
  std::vector<double> errors(n);
  for (std::size_t i = 0; i < n; ++i) {
    const double variance = inverse[i * n + i];
    errors[i] = variance > 0 ? std::sqrt(variance) : nan;
  }
  return errors;
}

}  // namespace rapport::analytics
