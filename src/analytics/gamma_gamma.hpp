// Gamma-Gamma spend model (Fader & Hardie 2013, note 025): fit on repeat buyers' mean spend
// and the conditional expected average spend per transaction.
#pragma once

#include <cstddef>
#include <vector>

#include "analytics/customer_summary.hpp"
#include "core/result.hpp"

namespace rapport::analytics {

// Spend per transaction ~ Γ(p, ν), ν ~ Γ(q, γ) across customers; lifetimes calls γ "v".
struct GammaGammaParams {
  double p = 0;
  double q = 0;
  double gamma = 0;
};

struct GammaGammaFit {
  GammaGammaParams params;
  GammaGammaParams standard_errors;  // NaN where the information matrix is singular
  double log_likelihood = 0;
  bool converged = false;
  int iterations = 0;
  std::size_t repeat_buyers = 0;  // customers with x > 0, the ones the fit uses
};

// Summed log-likelihood of the repeat buyers' mean spends (rows with frequency > 0);
// −∞ for non-positive parameters.
double gamma_gamma_log_likelihood(const GammaGammaParams& p, const CustomerSummaries& s);

// Maximum-likelihood fit on customers with x > 0. Returns an invalid error naming the field
// when a frequency is negative or fractional, a repeat buyer's monetary value is not a positive
// finite number, columns differ in length, or there is no repeat buyer.
core::Result<GammaGammaFit> fit_gamma_gamma(const CustomerSummaries& summaries);

// E[M | x, m̄] = (γ + m̄x)·p / (px + q − 1): the spend per transaction to expect from this
// customer, shrinking m̄ towards the population mean γp/(q−1) when x is small (x = 0 gives the
// mean). Invalid error when q ≤ 1 (the population mean is infinite) or x, m̄ are negative.
core::Result<double> gamma_gamma_expected_spend(const GammaGammaParams& p, double x,
                                                double mean_spend);

// E[M] for every customer, in input order.
core::Result<std::vector<double>> gamma_gamma_expected_spend(const GammaGammaParams& p,
                                                             const CustomerSummaries& s);

}  // namespace rapport::analytics
