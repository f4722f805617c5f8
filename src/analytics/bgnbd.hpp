// BG/NBD model (Fader, Hardie & Lee 2005): fit on (x, t_x, T) by maximum likelihood and the
// per-customer quantities built on it: expected purchases, P(alive), P(X(t) = n).
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "analytics/customer_summary.hpp"
#include "analytics/weighted_rows.hpp"
#include "core/result.hpp"

namespace rapport::analytics {

// r, α: gamma heterogeneity of purchase rates; a, b: beta heterogeneity of the drop-out
// probability after each purchase. Times are in the units of the fitted summaries.
struct BgNbdParams {
  double r = 0;
  double alpha = 0;
  double a = 0;
  double b = 0;
};

struct BgNbdFit {
  BgNbdParams params;
  BgNbdParams standard_errors;  // NaN where the information matrix is singular
  double log_likelihood = 0;
  bool converged = false;
  int iterations = 0;         // likelihood evaluations
  std::size_t customers = 0;  // rows in the input
  std::size_t distinct_rows = 0;
};

// Summed FHL05 eq. 6 log-likelihood over weighted rows; −∞ for non-positive parameters.
double bgnbd_log_likelihood(const BgNbdParams& p, const WeightedRows& rows);

// Maximum-likelihood fit over all customers (identical rows are grouped first). Returns an
// invalid error for bad summaries (see aggregate_rows) or a likelihood that cannot be maximised.
core::Result<BgNbdFit> fit_bgnbd(const CustomerSummaries& summaries);

// E[X(t)]: expected repeat purchases in (0, t] of a customer just acquired. Requires a ≠ 1 and
// a + b > 1; returns an invalid error otherwise, for t < 0, or for a horizon so long that ₂F₁
// cannot converge (t beyond ~20,000 α; see log_hyp2f1).
core::Result<double> bgnbd_expected_purchases(const BgNbdParams& p, double t);

// P(alive | x, t_x, T) in [0, 1]. Inputs must pass check_summary.
double bgnbd_probability_alive(const BgNbdParams& p, double x, double t_x, double age);

// E[Y(t) | x, t_x, T]: expected purchases in the next t periods. Returns an invalid error when
// the hypergeometric term cannot be evaluated (a = 1, t < 0, t beyond ~20,000 (α + T)).
core::Result<double> bgnbd_conditional_expected(const BgNbdParams& p, double x, double t_x,
                                                double age, double t);

// P(X(t) = n) for a newly acquired customer (FHL05 eq. 8). Invalid error for n < 0 or t not a
// finite number ≥ 0.
core::Result<double> bgnbd_probability_of_purchases(const BgNbdParams& p, double t, int n);

// Per-customer P(alive) and E[Y(t)] in input order, computed once per distinct (x, t_x, T);
// invalid error for a bad row (see aggregate_rows).
core::Result<std::vector<double>> bgnbd_probability_alive(const BgNbdParams& p,
                                                          const CustomerSummaries& s);
core::Result<std::vector<double>> bgnbd_conditional_expected(const BgNbdParams& p,
                                                             const CustomerSummaries& s, double t);

}  // namespace rapport::analytics
