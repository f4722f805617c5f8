// BG/BB likelihood (FHS10 eq. 5), fit, P(alive) and conditional expected transactions.
#include "analytics/bgbb.hpp"

#include <cmath>
#include <limits>
#include <map>
#include <span>
#include <string>
#include <tuple>

#include "analytics/optimizer.hpp"
#include "analytics/special_functions.hpp"

namespace rapport::analytics {
namespace {

BgBbParams from_span(std::span<const double> v) { return {v[0], v[1], v[2], v[3]}; }

bool whole(double v) { return std::isfinite(v) && v >= 0 && v == std::floor(v); }

// ln of the "alive through opportunity n + future" term of the likelihood.
double log_alive_term(const BgBbParams& p, double x, double n, int future) {
  return log_beta(p.alpha + x, p.beta + n - x) - log_beta(p.alpha, p.beta) +
         log_beta(p.gamma, p.delta + n + future) - log_beta(p.gamma, p.delta);
}

// Identical (x, t_x, n) rows merged with summed weights and sorted, so that raw per-customer
// rows fit as fast as counted ones and the result does not depend on row order.
DiscreteSummaries grouped(const DiscreteSummaries& s) {
  std::map<std::tuple<double, double, double>, double> counts;
  for (std::size_t i = 0; i < s.size(); ++i)
    counts[{s.frequency[i], s.recency[i], s.periods[i]}] += s.weight[i];
  DiscreteSummaries out;
  for (const auto& [key, weight] : counts) {
    out.frequency.push_back(std::get<0>(key));
    out.recency.push_back(std::get<1>(key));
    out.periods.push_back(std::get<2>(key));
    out.weight.push_back(weight);
  }
  return out;
}

}  // namespace

core::Status check_discrete_summaries(const DiscreteSummaries& s) {
  const std::size_t rows = s.size();
  if (rows == 0) return core::Error::invalid("no customers to fit");
  if (s.recency.size() != rows || s.periods.size() != rows || s.weight.size() != rows)
    return core::Error::invalid("summary columns differ in length");
  for (std::size_t i = 0; i < rows; ++i) {
    const std::string at = "/" + std::to_string(i);
    const double x = s.frequency[i], t_x = s.recency[i], n = s.periods[i];
    if (!whole(n) || n < 1)
      return core::Error::field("periods" + at, "must be a whole number >= 1");
    if (!whole(x) || x > n)
      return core::Error::field("frequency" + at, "must be a whole number in [0, periods]");
    if (!whole(t_x) || t_x > n || t_x < x || (x == 0) != (t_x == 0))
      return core::Error::field(
          "recency" + at, "must be a whole number in [frequency, periods], 0 iff frequency is");
    if (!std::isfinite(s.weight[i]) || !(s.weight[i] > 0))
      return core::Error::field("weight" + at, "must be > 0");
  }
  return core::ok_status();
}

double bgbb_log_likelihood(const BgBbParams& p, double x, double t_x, double n) {
  if (!(p.alpha > 0) || !(p.beta > 0) || !(p.gamma > 0) || !(p.delta > 0))
    return std::numeric_limits<double>::quiet_NaN();
  const double base = log_beta(p.alpha, p.beta) + log_beta(p.gamma, p.delta);
  double total = log_alive_term(p, x, n, 0);
  // Dropped out after opportunity t_x + i, i = 0 … n − t_x − 1.
  for (double i = 0; i < n - t_x; ++i) {
    total = log_add_exp(total, log_beta(p.alpha + x, p.beta + t_x - x + i) +
                                   log_beta(p.gamma + 1, p.delta + t_x + i) - base);
  }
  return total;
}

core::Result<BgBbFit> fit_bgbb(const DiscreteSummaries& input) {
  RAPPORT_TRY(check_discrete_summaries(input));
  const DiscreteSummaries s = grouped(input);
  const LogLikelihood ll = [&s](std::span<const double> v) {
    const BgBbParams p = from_span(v);
    double total = 0;
    for (std::size_t i = 0; i < s.size(); ++i)
      total += s.weight[i] * bgbb_log_likelihood(p, s.frequency[i], s.recency[i], s.periods[i]);
    return total;
  };
  FitOptions options;
  options.starts = {{1, 1, 1, 1}, {0.5, 0.5, 0.5, 2}, {2, 1, 1, 4}};
  RAPPORT_ASSIGN_OR_RETURN(FitResult fit, maximise_log_likelihood(ll, options));
  BgBbFit out;
  out.params = from_span(fit.params);
  out.standard_errors = from_span(fit.standard_errors);
  out.log_likelihood = fit.log_likelihood;
  out.converged = fit.converged;
  out.iterations = fit.iterations;
  for (double w : input.weight) out.customers += w;
  return out;
}

double bgbb_probability_alive(const BgBbParams& p, double x, double t_x, double n, int future) {
  return std::exp(log_alive_term(p, x, n, future) - bgbb_log_likelihood(p, x, t_x, n));
}

core::Result<double> bgbb_expected_transactions(const BgBbParams& p, double x, double t_x, double n,
                                                int future) {
  if (future < 0) return core::Error::invalid("future must be >= 0");
  if (p.gamma == 1) return core::Error::invalid("expected transactions need gamma != 1");
  // Γ(γ+δ)/Γ(1+δ) · Γ(1+δ+m)/Γ(γ+δ+m) = exp(ln(1+δ)_m − ln(γ+δ)_m), for m = n and n + future.
  auto survival = [&](double m) {
    return std::exp(log_rising(1 + p.delta, m) - log_rising(p.gamma + p.delta, m));
  };
  const double lead = std::exp(log_beta(p.alpha + x + 1, p.beta + n - x) -
                               log_beta(p.alpha, p.beta) - bgbb_log_likelihood(p, x, t_x, n));
  return lead * p.delta / (p.gamma - 1) * (survival(n) - survival(n + future));
}

}  // namespace rapport::analytics
