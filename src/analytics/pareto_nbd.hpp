// Pareto/NBD model (Schmittlein, Morrison & Colombo 1987) with the Fader–Hardie note 008
// likelihood: fit on (x, t_x, T), expected purchases, conditional expectation and P(alive).
#pragma once

#include <cstddef>
#include <vector>

#include "analytics/customer_summary.hpp"
#include "analytics/weighted_rows.hpp"
#include "core/result.hpp"

namespace rapport::analytics {

// r, α: gamma heterogeneity of purchase rates; s, β: gamma heterogeneity of drop-out rates.
// β is weakly identified on typical data: compare fits by their log-likelihood.
struct ParetoNbdParams {
  double r = 0;
  double alpha = 0;
  double s = 0;
  double beta = 0;
};

struct ParetoNbdFit {
  ParetoNbdParams params;
  ParetoNbdParams standard_errors;  // NaN where the information matrix is singular
  double log_likelihood = 0;
  bool converged = false;
  int iterations = 0;
  std::size_t customers = 0;
  std::size_t distinct_rows = 0;
};

// One customer's note 008 log-likelihood, with the α ≥ β and α < β branches. Returns an
// invalid error when a hypergeometric term cannot be evaluated.
core::Result<double> pareto_nbd_log_likelihood(const ParetoNbdParams& p, double x, double t_x,
                                               double age);

// Weighted sum over rows; −∞ for non-positive parameters or an unevaluable row.
double pareto_nbd_log_likelihood(const ParetoNbdParams& p, const WeightedRows& rows);

// Maximum-likelihood fit over all customers. Invalid error for bad summaries or no optimum.
core::Result<ParetoNbdFit> fit_pareto_nbd(const CustomerSummaries& summaries);

// E[X(t)] = rβ/(α(s−1)) · [1 − (β/(β+t))^(s−1)] for a new customer (s = 1 by its limit);
// invalid error for t < 0.
core::Result<double> pareto_nbd_expected_purchases(const ParetoNbdParams& p, double t);

// P(alive | x, t_x, T) in [0, 1]; invalid error when the likelihood terms cannot be evaluated.
core::Result<double> pareto_nbd_probability_alive(const ParetoNbdParams& p, double x, double t_x,
                                                  double age);

// E[Y(t) | x, t_x, T] = (r+x)(β+T)/((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^(s−1)] · P(alive).
core::Result<double> pareto_nbd_conditional_expected(const ParetoNbdParams& p, double x, double t_x,
                                                     double age, double t);

}  // namespace rapport::analytics
