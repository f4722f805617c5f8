// Customer lifetime value from BG/NBD (expected purchases) and Gamma-Gamma (expected spend),
// discounted per step, as lifetimes' customer_lifetime_value computes it.
#pragma once

#include <vector>

#include "analytics/bgnbd.hpp"
#include "analytics/customer_summary.hpp"
#include "analytics/gamma_gamma.hpp"
#include "core/result.hpp"

namespace rapport::analytics {

// CLV = Σ_{i=1..steps} E[M] · (E[Y(L·i)] − E[Y(L·(i−1))]) / (1 + d)^i, with L = step_length in
// the summaries' time unit and d the discount rate per step.
//
// step_length must be in the summaries' unit: for monthly steps on data in weeks use
// 365.25 / 12 / 7 ≈ 4.348. lifetimes hard-codes L = 30 (days, by its freq="D" default) whatever
// the unit, so on CDNOW's weekly data its "12 months" are really 12 × 30 weeks; step_length = 30
// reproduces its figures.
struct ClvOptions {
  int steps = 12;
  double step_length = 0;  // required: > 0, in the summaries' time unit
  double discount_rate = 0.01;
};

// Per-customer CLV in input order (E[Y] computed once per distinct (x, t_x, T)). Returns an
// invalid error for bad summaries, steps < 1, step_length ≤ 0, discount_rate ≤ −1, or when
// E[Y] or E[M] cannot be computed (a = 1, q ≤ 1).
core::Result<std::vector<double>> customer_lifetime_value(const BgNbdParams& purchases,
                                                          const GammaGammaParams& spend,
                                                          const CustomerSummaries& summaries,
                                                          const ClvOptions& options);

}  // namespace rapport::analytics
