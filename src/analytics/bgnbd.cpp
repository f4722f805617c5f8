// BG/NBD likelihood, fit and per-customer expectations (FHL05 eqs. 6, 8, 9, 10).
#include "analytics/bgnbd.hpp"

#include <cmath>
#include <limits>

#include "analytics/optimizer.hpp"
#include "analytics/special_functions.hpp"

namespace rapport::analytics {
namespace {

constexpr double kMinusInfinity = -std::numeric_limits<double>::infinity();

BgNbdParams from_span(std::span<const double> v) { return {v[0], v[1], v[2], v[3]}; }

// ln of a/(b+x−1)·((α+T)/(α+t_x))^(r+x): the odds that a customer with x > 0 has dropped out
// after the last purchase against being alive.
double log_dropout_odds(const BgNbdParams& p, double x, double t_x, double age) {
  return std::log(p.a / (p.b + x - 1)) +
         (p.r + x) * (std::log(p.alpha + age) - std::log(p.alpha + t_x));
}

}  // namespace

double bgnbd_log_likelihood(const BgNbdParams& p, const WeightedRows& rows) {
  if (!(p.r > 0) || !(p.alpha > 0) || !(p.a > 0) || !(p.b > 0)) return kMinusInfinity;
  const double base_beta = log_beta(p.a, p.b);
  const double log_alpha = std::log(p.alpha);
  double total = 0;
  // Rows are sorted by x, so the x-only terms are computed once per distinct x.
  double current_x = -1, shared = 0, alive_beta = 0, dead_beta = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const double x = rows.frequency[i];
    if (x != current_x) {
      current_x = x;
      shared = log_rising(p.r, x) + p.r * log_alpha - base_beta;
      alive_beta = log_beta(p.a, p.b + x);
      dead_beta = x > 0 ? log_beta(p.a + 1, p.b + x - 1) : kMinusInfinity;
    }
    const double alive = alive_beta - (p.r + x) * std::log(p.alpha + rows.age[i]);
    const double value =
        x > 0 ? log_add_exp(alive, dead_beta - (p.r + x) * std::log(p.alpha + rows.recency[i]))
              : alive;
    total += rows.weight[i] * (shared + value);
  }
  return total;
}

core::Result<BgNbdFit> fit_bgnbd(const CustomerSummaries& summaries) {
  RAPPORT_ASSIGN_OR_RETURN(WeightedRows rows, aggregate_rows(summaries));
  // α carries the time unit, so its starting points scale with the mean customer age.
  // Summed over the sorted rows so that the fit does not depend on the input order.
  double age_sum = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) age_sum += rows.weight[i] * rows.age[i];
  const double mean_age = age_sum / static_cast<double>(summaries.size());
  FitOptions options;
  options.starts = {{1, 1, 1, 1}, {0.5, mean_age / 4, 0.5, 2}, {2, mean_age, 2, 5}};
  const LogLikelihood ll = [&rows](std::span<const double> v) {
    return bgnbd_log_likelihood(from_span(v), rows);
  };
  RAPPORT_ASSIGN_OR_RETURN(FitResult fit, maximise_log_likelihood(ll, options));
  BgNbdFit out;
  out.params = from_span(fit.params);
  out.standard_errors = from_span(fit.standard_errors);
  out.log_likelihood = fit.log_likelihood;
  out.converged = fit.converged;
  out.iterations = fit.iterations;
  out.customers = summaries.size();
  out.distinct_rows = rows.size();
  return out;
}

core::Result<double> bgnbd_expected_purchases(const BgNbdParams& p, double t) {
  if (!(t >= 0)) return core::Error::invalid("t must be >= 0");
  if (p.a == 1) return core::Error::invalid("E[X(t)] is undefined for a = 1");
  RAPPORT_ASSIGN_OR_RETURN(double log_f, log_hyp2f1(p.r, p.b, p.a + p.b - 1, t / (p.alpha + t)));
  const double log_term = p.r * std::log(p.alpha / (p.alpha + t)) + log_f;
  return (p.a + p.b - 1) / (p.a - 1) * -std::expm1(log_term);
}

double bgnbd_probability_alive(const BgNbdParams& p, double x, double t_x, double age) {
  if (x == 0) return 1.0;
  return 1.0 / (1.0 + std::exp(log_dropout_odds(p, x, t_x, age)));
}

core::Result<double> bgnbd_conditional_expected(const BgNbdParams& p, double x, double t_x,
                                                double age, double t) {
  if (!(t >= 0)) return core::Error::invalid("t must be >= 0");
  if (p.a == 1) return core::Error::invalid("E[Y(t)] is undefined for a = 1");
  const double c = p.a + p.b + x - 1;
  RAPPORT_ASSIGN_OR_RETURN(double log_f, log_hyp2f1(p.r + x, p.b + x, c, t / (p.alpha + age + t)));
  const double log_term = (p.r + x) * std::log((p.alpha + age) / (p.alpha + age + t)) + log_f;
  return c / (p.a - 1) * -std::expm1(log_term) * bgnbd_probability_alive(p, x, t_x, age);
}

double bgnbd_probability_of_purchases(const BgNbdParams& p, double t, int n) {
  const double log_beta_ab = log_beta(p.a, p.b);
  const double log_share = std::log(p.alpha / (p.alpha + t));  // ln of α/(α+t)
  const double log_odds = std::log(t / (p.alpha + t));         // ln of t/(α+t)
  // ln[Γ(r+j)/(Γ(r) j!) · (t/(α+t))^j], the NBD mass without the (α/(α+t))^r factor.
  auto log_nbd = [&](int j) {
    return log_rising(p.r, j) - std::lgamma(j + 1.0) + (j > 0 ? j * log_odds : 0.0);
  };
  double probability =
      std::exp(log_beta(p.a, p.b + n) - log_beta_ab + log_nbd(n) + p.r * log_share);
  if (n > 0) {
    double partial = 0;
    for (int j = 0; j < n; ++j) partial += std::exp(log_nbd(j) + p.r * log_share);
    probability += std::exp(log_beta(p.a + 1, p.b + n - 1) - log_beta_ab) * (1.0 - partial);
  }
  return probability;
}

core::Result<std::vector<double>> bgnbd_probability_alive(const BgNbdParams& p,
                                                          const CustomerSummaries& s) {
  RAPPORT_ASSIGN_OR_RETURN(WeightedRows rows, aggregate_rows(s));
  std::vector<double> per_row(rows.size());
  for (std::size_t k = 0; k < rows.size(); ++k)
    per_row[k] = bgnbd_probability_alive(p, rows.frequency[k], rows.recency[k], rows.age[k]);
  std::vector<double> out(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) out[i] = per_row[rows.row_of_customer[i]];
  return out;
}

core::Result<std::vector<double>> bgnbd_conditional_expected(const BgNbdParams& p,
                                                             const CustomerSummaries& s, double t) {
  RAPPORT_ASSIGN_OR_RETURN(WeightedRows rows, aggregate_rows(s));
  std::vector<double> per_row(rows.size());
  for (std::size_t k = 0; k < rows.size(); ++k) {
    RAPPORT_ASSIGN_OR_RETURN(
        per_row[k],
        bgnbd_conditional_expected(p, rows.frequency[k], rows.recency[k], rows.age[k], t));
  }
  std::vector<double> out(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) out[i] = per_row[rows.row_of_customer[i]];
  return out;
}

}  // namespace rapport::analytics
