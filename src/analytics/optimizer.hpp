// Maximum-likelihood fitting helper over NLopt: maximises a log-likelihood over the logs of
// positive parameters from several starting points, and gives standard errors from the Hessian.
#pragma once

#include <functional>
#include <span>
#include <vector>

#include "core/result.hpp"

namespace rapport::analytics {

// Log-likelihood of positive parameters (natural scale). May return −∞ or NaN for parameters
// outside its domain; the optimiser treats both as "worse than anything finite".
using LogLikelihood = std::function<double(std::span<const double>)>;

// The same LL with its gradient (natural scale) written into `gradient`; lets the refinement
// use L-BFGS, which needs far fewer evaluations than a derivative-free search.
using LogLikelihoodWithGradient =
    std::function<double(std::span<const double>, std::span<double> gradient)>;

struct FitResult {
  std::vector<double> params;           // natural scale, all > 0
  double log_likelihood = 0.0;          // at params
  bool converged = false;               // the refinement stopped on its tolerance, not a limit
  int iterations = 0;                   // likelihood evaluations over all starts
  std::vector<double> standard_errors;  // from the observed information; NaN when singular
};

struct FitOptions {
  std::vector<std::vector<double>> starts;  // natural-scale starting points, at least one
  double search_tolerance = 1e-3;           // of the per-start Nelder–Mead, on log-parameters
  double relative_tolerance = 1e-12;        // of the refinement, on the log-parameters
  int max_evaluations = 20000;              // per start and stage
  double upper_bound = 1e6;                 // every parameter stays below this
  LogLikelihoodWithGradient gradient;       // optional: refine with L-BFGS instead of Subplex
};

// Maximises `ll`: from each start a coarse Nelder–Mead search over log-parameters (the starts
// on threads of their own, so `ll` and the gradient must be safe to call concurrently), then from
// the best point a tight refinement (L-BFGS when options.gradient is set, Subplex otherwise).
// Returns the best parameters found with their LL, standard errors from numerical_hessian, and
// converged = false when a stage hit its evaluation limit. Returns an invalid error when no start
// is given, starts differ in dimension or are not positive, or the LL is not finite at any point
// the search reached.
core::Result<FitResult> maximise_log_likelihood(const LogLikelihood& ll, const FitOptions& options);

// Central-difference Hessian of `ll` at `params` (natural scale), row-major n×n, with steps
// proportional to each parameter.
std::vector<double> numerical_hessian(const LogLikelihood& ll, std::span<const double> params);

// Standard errors sqrt(diag((−H)^−1)) from a Hessian of a maximised LL; all NaN when −H is not
// positive definite (a flat or ill-posed direction makes the whole inverse meaningless).
std::vector<double> standard_errors(std::span<const double> hessian, std::size_t n);

}  // namespace rapport::analytics
