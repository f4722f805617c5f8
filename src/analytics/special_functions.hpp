// Log-space special functions for the customer-base models: log Beta, log-sum helpers and a
// Gauss hypergeometric 2F1 that stays accurate for the large counts of heavy buyers.
#pragma once

#include "core/result.hpp"

namespace rapport::analytics {

// ln B(a, b) for a, b > 0 (NaN otherwise).
double log_beta(double a, double b);

// ln Γ(a + n) − ln Γ(a) for a > 0, n ≥ 0: one subtraction instead of two large lgamma values.
double log_rising(double a, double n);

// ln(e^u + e^v) without overflow; handles −∞ operands.
double log_add_exp(double u, double v);

// ln(e^u − e^v) for u ≥ v; −∞ when u == v, NaN when u < v.
double log_sub_exp(double u, double v);

// ln ₂F₁(a, b; c; z) for 0 ≤ z < 1 and c > 0, where the function is positive (true whenever
// a, b, c > 0). Sums the Gauss series directly or after Euler's transformation
// ₂F₁(a,b;c;z) = (1−z)^(c−a−b) ₂F₁(c−a, c−b; c; z) when a + b > c, so that the summed
// series always has c ≥ a + b: a customer with x = 10,000 then costs tens of terms, not
// thousands. Returns an
// invalid error for z outside [0, 1), c ≤ 0, a non-positive sum, or a series that has not
// converged to relative 1e-16 within 1,000,000 terms — which happens only for z within about
// 4e-5 of 1 (in the models: horizons over ~20,000 times α + T).
core::Result<double> log_hyp2f1(double a, double b, double c, double z);

}  // namespace rapport::analytics
