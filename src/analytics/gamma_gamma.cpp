// Gamma-Gamma spend model: likelihood over repeat buyers grouped by x, fit and E[M].
#include "analytics/gamma_gamma.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <span>
#include <string>

#include <boost/math/special_functions/digamma.hpp>

#include "analytics/optimizer.hpp"

namespace rapport::analytics {
namespace {

// Repeat buyers sorted by x, with the per-row logarithms that do not depend on the parameters
// precomputed so that an LL evaluation costs one log per buyer.
struct SpendRows {
  std::vector<double> x;
  std::vector<double> spend;      // m̄
  std::vector<double> log_spend;  // ln m̄
  std::vector<double> log_x;      // ln x
};

double log_likelihood(const GammaGammaParams& p, const SpendRows& rows) {
  if (!(p.p > 0) || !(p.q > 0) || !(p.gamma > 0)) return -std::numeric_limits<double>::infinity();
  const double fixed = p.q * std::log(p.gamma) - std::lgamma(p.q);
  double total = 0;
  double current_x = -1, shape_terms = 0;
  for (std::size_t i = 0; i < rows.x.size(); ++i) {
    const double x = rows.x[i];
    const double px = p.p * x;
    if (x != current_x) {
      current_x = x;
      shape_terms = std::lgamma(px + p.q) - std::lgamma(px);
    }
    total += shape_terms + fixed + (px - 1) * rows.log_spend[i] + px * rows.log_x[i] -
             (px + p.q) * std::log(p.gamma + rows.spend[i] * x);
  }
  return total;
}

core::Result<SpendRows> repeat_buyers(const CustomerSummaries& s) {
  if (s.monetary.size() != s.size())
    return core::Error::invalid("summary columns differ in length");
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const double x = s.frequency[i];
    if (!std::isfinite(x) || x < 0 || x != std::floor(x))
      return core::Error::field("frequency/" + std::to_string(i), "must be a whole number >= 0");
    if (x == 0) continue;
    if (!std::isfinite(s.monetary[i]) || !(s.monetary[i] > 0))
      return core::Error::field("monetary/" + std::to_string(i),
                                "must be > 0 for a customer with repeat purchases");
    order.push_back(i);
  }
  if (order.empty()) return core::Error::invalid("no repeat buyers to fit spend on");
  // Sorting by (x, m̄) groups the shape terms and makes the sum independent of input order.
  std::sort(order.begin(), order.end(), [&](std::size_t i, std::size_t j) {
    return s.frequency[i] != s.frequency[j] ? s.frequency[i] < s.frequency[j]
                                            : s.monetary[i] < s.monetary[j];
  });
  SpendRows rows;
  for (std::size_t i : order) {
    rows.x.push_back(s.frequency[i]);
    rows.spend.push_back(s.monetary[i]);
    rows.log_spend.push_back(std::log(s.monetary[i]));
    rows.log_x.push_back(std::log(s.frequency[i]));
  }
  return rows;
}

// The LL with its gradient in (p, q, γ), in the same pass (one log per buyer); the lgamma and
// digamma terms are computed once per distinct x.
double log_likelihood(const GammaGammaParams& p, const SpendRows& rows, std::span<double> grad) {
  grad[0] = grad[1] = grad[2] = 0;
  if (!(p.p > 0) || !(p.q > 0) || !(p.gamma > 0)) return -std::numeric_limits<double>::infinity();
  const double fixed = p.q * std::log(p.gamma) - std::lgamma(p.q);
  const double log_gamma = std::log(p.gamma);
  const double digamma_q = boost::math::digamma(p.q);
  double total = 0;
  double current_x = -1, shape_terms = 0, shape_p = 0, shape_q = 0;
  for (std::size_t i = 0; i < rows.x.size(); ++i) {
    const double x = rows.x[i];
    const double px = p.p * x;
    if (x != current_x) {
      current_x = x;
      shape_terms = std::lgamma(px + p.q) - std::lgamma(px);
      const double digamma_sum = boost::math::digamma(px + p.q);
      shape_p = digamma_sum - boost::math::digamma(px);
      shape_q = digamma_sum - digamma_q;
    }
    const double total_spend = p.gamma + rows.spend[i] * x;
    const double log_total = std::log(total_spend);
    total += shape_terms + fixed + (px - 1) * rows.log_spend[i] + px * rows.log_x[i] -
             (px + p.q) * log_total;
    grad[0] += x * (shape_p + rows.log_spend[i] + rows.log_x[i] - log_total);
    grad[1] += shape_q + log_gamma - log_total;
    grad[2] += p.q / p.gamma - (px + p.q) / total_spend;
  }
  if (!std::isfinite(total)) grad[0] = grad[1] = grad[2] = 0;
  return total;
}

GammaGammaParams from_span(std::span<const double> v) { return {v[0], v[1], v[2]}; }

}  // namespace

double gamma_gamma_log_likelihood(const GammaGammaParams& p, const CustomerSummaries& s) {
  auto rows = repeat_buyers(s);
  return rows.ok() ? log_likelihood(p, *rows) : -std::numeric_limits<double>::infinity();
}

core::Result<GammaGammaFit> fit_gamma_gamma(const CustomerSummaries& summaries) {
  RAPPORT_ASSIGN_OR_RETURN(SpendRows rows, repeat_buyers(summaries));
  // γ carries the currency unit; its starting points scale with the mean repeat spend.
  const double mean_spend =
      std::accumulate(rows.spend.begin(), rows.spend.end(), 0.0) / rows.spend.size();
  FitOptions options;
  options.starts = {{1, 1, 1}, {5, 3, mean_spend / 2}, {2, 5, mean_spend * 2}};
  const LogLikelihood ll = [&rows](std::span<const double> v) {
    return log_likelihood(from_span(v), rows);
  };
  options.gradient = [&rows](std::span<const double> v, std::span<double> grad) {
    return log_likelihood(from_span(v), rows, grad);
  };
  RAPPORT_ASSIGN_OR_RETURN(FitResult fit, maximise_log_likelihood(ll, options));
  GammaGammaFit out;
  out.params = from_span(fit.params);
  out.standard_errors = from_span(fit.standard_errors);
  out.log_likelihood = fit.log_likelihood;
  out.converged = fit.converged;
  out.iterations = fit.iterations;
  out.repeat_buyers = rows.x.size();
  return out;
}

core::Result<double> gamma_gamma_expected_spend(const GammaGammaParams& p, double x,
                                                double mean_spend) {
  if (!(p.q > 1)) return core::Error::invalid("expected spend needs q > 1");
  if (!(x >= 0) || !(mean_spend >= 0) || !std::isfinite(x) || !std::isfinite(mean_spend))
    return core::Error::invalid("frequency and monetary value must be finite and >= 0");
  return (p.gamma + mean_spend * x) * p.p / (p.p * x + p.q - 1);
}

core::Result<std::vector<double>> gamma_gamma_expected_spend(const GammaGammaParams& p,
                                                             const CustomerSummaries& s) {
  if (s.monetary.size() != s.size())
    return core::Error::invalid("summary columns differ in length");
  std::vector<double> out(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto value = gamma_gamma_expected_spend(p, s.frequency[i], s.monetary[i]);
    if (!value.ok())
      return core::Error::field("monetary/" + std::to_string(i), value.error().message);
    out[i] = *value;
  }
  return out;
}

}  // namespace rapport::analytics
