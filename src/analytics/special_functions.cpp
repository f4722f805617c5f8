// Log-space special functions: log Beta and a convergence-checked Gauss 2F1 series.
#include "analytics/special_functions.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

#include <boost/math/special_functions/gamma.hpp>

namespace rapport::analytics {
namespace {

constexpr int kMaxTerms = 1000000;
constexpr double kTolerance = 1e-16;

// Sum of the Gauss series, rescaled when it grows so that x = 10^5 cannot overflow; returns
// the log of the absolute sum and its sign through `negative`.
core::Result<double> log_series(double a, double b, double c, double z, bool& negative) {
  double log_scale = 0.0;
  double term = 1.0;
  double sum = 1.0;
  for (int k = 0; k < kMaxTerms; ++k) {
    const double ratio = (a + k) * (b + k) / ((c + k) * (k + 1.0)) * z;
    term *= ratio;
    sum += term;
    if (std::abs(sum) > 1e250) {
      log_scale += std::log(std::abs(sum));
      term /= std::abs(sum);
      sum = sum > 0 ? 1.0 : -1.0;
    }
    // Past the parameters the ratio of successive terms heads monotonically to z < 1, so the
    // tail is below a geometric series with ratio max(ratio, z): stop when that is negligible.
    const bool past_peak = k + 1.0 > std::abs(a) && k + 1.0 > std::abs(b) && ratio < 1.0;
    const double tail = std::abs(term) / (1.0 - std::max(std::abs(ratio), z));
    if (term == 0.0 || (past_peak && tail <= kTolerance * std::abs(sum))) {
      if (sum == 0.0) return core::Error::invalid("hyp2f1: series sums to zero");
      negative = sum < 0;
      return log_scale + std::log(std::abs(sum));
    }
  }
  return core::Error::invalid("hyp2f1: series did not converge");
}

}  // namespace

double log_beta(double a, double b) {
  if (!(a > 0) || !(b > 0)) return std::numeric_limits<double>::quiet_NaN();
  return std::lgamma(a) + std::lgamma(b) - std::lgamma(a + b);
}

double log_rising(double a, double n) {
  if (n == 0.0) return 0.0;
  // Boost's ratio avoids cancelling two large lgamma values, but underflows once Γ(a+n)/Γ(a)
  // leaves the double range; lgamma's difference is accurate enough there.
  if (n < 20.0) {
    const double ratio = boost::math::tgamma_delta_ratio(a, n);
    if (ratio > 0 && std::isfinite(ratio)) return -std::log(ratio);
  }
  return std::lgamma(a + n) - std::lgamma(a);
}

double log_add_exp(double u, double v) {
  if (u < v) std::swap(u, v);
  if (v == -std::numeric_limits<double>::infinity()) return u;
  return u + std::log1p(std::exp(v - u));
}

double log_sub_exp(double u, double v) {
  if (u < v) return std::numeric_limits<double>::quiet_NaN();
  if (u == v) return -std::numeric_limits<double>::infinity();
  if (v == -std::numeric_limits<double>::infinity()) return u;
  return u + std::log1p(-std::exp(v - u));
}

core::Result<double> log_hyp2f1(double a, double b, double c, double z) {
  if (!(z >= 0.0) || !(z < 1.0)) return core::Error::invalid("hyp2f1: z must lie in [0, 1)");
  if (!(c > 0.0) || !std::isfinite(a) || !std::isfinite(b) || !std::isfinite(c))
    return core::Error::invalid("hyp2f1: parameters must be finite with c > 0");
  if (z == 0.0) return 0.0;
  bool negative = false;
  // Far out the terms behave like k^(a+b−c−1)·z^k, so a + b > c means a long climb (x terms
  // for a customer with x purchases) and a slow tail; Euler's form then has c − a − b < 0.
  if (a + b > c) {
    RAPPORT_ASSIGN_OR_RETURN(double log_sum, log_series(c - a, c - b, c, z, negative));
    if (negative) return core::Error::invalid("hyp2f1: non-positive value");
    return (c - a - b) * std::log1p(-z) + log_sum;
  }
  RAPPORT_ASSIGN_OR_RETURN(double log_sum, log_series(a, b, c, z, negative));
  if (negative) return core::Error::invalid("hyp2f1: non-positive value");
  return log_sum;
}

}  // namespace rapport::analytics
