// BG/BB model (Fader, Hardie & Shang 2010) for discrete purchase opportunities — yearly
// donations, event attendance: fit on (x, t_x, n) with counts, P(alive), expected transactions.
#pragma once

#include <cstddef>
#include <vector>

#include "core/result.hpp"

namespace rapport::analytics {

// Customers who had n opportunities (after the first transaction), transacted at x of them,
// the last at opportunity t_x; `weight` customers share each row.
struct DiscreteSummaries {
  std::vector<double> frequency;  // x
  std::vector<double> recency;    // t_x
  std::vector<double> periods;    // n
  std::vector<double> weight;

  std::size_t size() const { return frequency.size(); }
};

// α, β: beta heterogeneity of the transaction probability while alive; γ, δ: beta
// heterogeneity of the drop-out probability per opportunity.
struct BgBbParams {
  double alpha = 0;
  double beta = 0;
  double gamma = 0;
  double delta = 0;
};

struct BgBbFit {
  BgBbParams params;
  BgBbParams standard_errors;  // NaN where the information matrix is singular
  double log_likelihood = 0;
  bool converged = false;
  int iterations = 0;
  double customers = 0;  // Σ weight
};

// Checks every row: whole numbers with 0 ≤ x ≤ t_x ≤ n, n ≥ 1, t_x = 0 iff x = 0 and
// t_x ≥ x, weight > 0, equal column lengths and at least one row. Invalid error naming the
// first offending field otherwise.
core::Status check_discrete_summaries(const DiscreteSummaries& s);

// One row's log-likelihood (FHS10 eq. 5); NaN for non-positive parameters.
double bgbb_log_likelihood(const BgBbParams& p, double x, double t_x, double n);

// Maximum-likelihood fit. Invalid error for bad rows (see check_discrete_summaries) or no
// optimum.
core::Result<BgBbFit> fit_bgbb(const DiscreteSummaries& summaries);

// P(alive at opportunity n + future | x, t_x, n): future = 0 is alive at the last observed
// opportunity; FHS10's "P(alive in 2002)" after six years is future = 1. future must be ≥ 0.
double bgbb_probability_alive(const BgBbParams& p, double x, double t_x, double n, int future);

// E[transactions in opportunities n+1 … n+future | x, t_x, n] (FHS10 eq. 13). Invalid error
// for future < 0 or γ = 1, where the closed form divides by zero.
core::Result<double> bgbb_expected_transactions(const BgBbParams& p, double x, double t_x, double n,
                                                int future);

}  // namespace rapport::analytics
