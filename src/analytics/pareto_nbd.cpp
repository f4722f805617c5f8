// Pareto/NBD likelihood (Fader & Hardie note 008), fit and per-customer expectations.
#include "analytics/pareto_nbd.hpp"

#include <cmath>
#include <limits>
#include <span>

#include "analytics/optimizer.hpp"
#include "analytics/special_functions.hpp"

namespace rapport::analytics {
namespace {

constexpr double kMinusInfinity = -std::numeric_limits<double>::infinity();

ParetoNbdParams from_span(std::span<const double> v) { return {v[0], v[1], v[2], v[3]}; }

// [1 − (base/(base+t))^(s−1)] / (s−1), continuous through its limit ln((base+t)/base) at s = 1.
double survival_integral(double s, double base, double t) {
  const double log_ratio = std::log1p(t / base);
  if (std::abs(s - 1) < 1e-12) return log_ratio;
  return -std::expm1(-(s - 1) * log_ratio) / (s - 1);
}

// ln A_0 of note 008: the two hypergeometric terms, with the larger of α, β as the base so
// that the argument stays in [0, 1).
core::Result<double> log_a0(const ParetoNbdParams& p, double x, double t_x, double age) {
  const double sum = p.r + p.s + x;
  const bool alpha_larger = p.alpha >= p.beta;
  const double base = alpha_larger ? p.alpha : p.beta;
  const double b = alpha_larger ? p.s + 1 : p.r + x;
  const double gap = std::abs(p.alpha - p.beta);
  RAPPORT_ASSIGN_OR_RETURN(double f_recency, log_hyp2f1(sum, b, sum + 1, gap / (base + t_x)));
  RAPPORT_ASSIGN_OR_RETURN(double f_age, log_hyp2f1(sum, b, sum + 1, gap / (base + age)));
  const double u = f_recency - sum * std::log(base + t_x);
  const double v = f_age - sum * std::log(base + age);
  // A_0 vanishes at t_x = T; rounding may then leave u a hair below v.
  return u > v ? log_sub_exp(u, v) : kMinusInfinity;
}

// ln of the "still alive at T" and "died in (t_x, T]" parts of the likelihood bracket.
struct Bracket {
  double alive;
  double dead;
};

core::Result<Bracket> bracket(const ParetoNbdParams& p, double x, double t_x, double age) {
  RAPPORT_ASSIGN_OR_RETURN(double a0, log_a0(p, x, t_x, age));
  return Bracket{-(p.r + x) * std::log(p.alpha + age) - p.s * std::log(p.beta + age),
                 std::log(p.s / (p.r + p.s + x)) + a0};
}

}  // namespace

core::Result<double> pareto_nbd_log_likelihood(const ParetoNbdParams& p, double x, double t_x,
                                               double age) {
  RAPPORT_ASSIGN_OR_RETURN(Bracket parts, bracket(p, x, t_x, age));
  return log_rising(p.r, x) + p.r * std::log(p.alpha) + p.s * std::log(p.beta) +
         log_add_exp(parts.alive, parts.dead);
}

double pareto_nbd_log_likelihood(const ParetoNbdParams& p, const WeightedRows& rows) {
  if (!(p.r > 0) || !(p.alpha > 0) || !(p.s > 0) || !(p.beta > 0)) return kMinusInfinity;
  double total = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    auto value = pareto_nbd_log_likelihood(p, rows.frequency[i], rows.recency[i], rows.age[i]);
    if (!value.ok()) return kMinusInfinity;
    total += rows.weight[i] * *value;
  }
  return total;
}

core::Result<ParetoNbdFit> fit_pareto_nbd(const CustomerSummaries& summaries) {
  RAPPORT_ASSIGN_OR_RETURN(WeightedRows rows, aggregate_rows(summaries));
  // α and β carry the time unit, so their starting points scale with the mean customer age;
  // summed over sorted rows so the fit does not depend on input order.
  double age_sum = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) age_sum += rows.weight[i] * rows.age[i];
  const double mean_age = age_sum / static_cast<double>(summaries.size());
  FitOptions options;
  options.starts = {
      {1, 1, 1, 1}, {0.5, mean_age / 4, 0.5, mean_age / 4}, {2, mean_age, 2, mean_age}};
  const LogLikelihood ll = [&rows](std::span<const double> v) {
    return pareto_nbd_log_likelihood(from_span(v), rows);
  };
  RAPPORT_ASSIGN_OR_RETURN(FitResult fit, maximise_log_likelihood(ll, options));
  ParetoNbdFit out;
  out.params = from_span(fit.params);
  out.standard_errors = from_span(fit.standard_errors);
  out.log_likelihood = fit.log_likelihood;
  out.converged = fit.converged;
  out.iterations = fit.iterations;
  out.customers = summaries.size();
  out.distinct_rows = rows.size();
  return out;
}

core::Result<double> pareto_nbd_expected_purchases(const ParetoNbdParams& p, double t) {
  if (!(t >= 0)) return core::Error::invalid("t must be >= 0");
  return p.r * p.beta / p.alpha * survival_integral(p.s, p.beta, t);
}

core::Result<double> pareto_nbd_probability_alive(const ParetoNbdParams& p, double x, double t_x,
                                                  double age) {
  RAPPORT_ASSIGN_OR_RETURN(Bracket parts, bracket(p, x, t_x, age));
  return 1.0 / (1.0 + std::exp(parts.dead - parts.alive));
}

core::Result<double> pareto_nbd_conditional_expected(const ParetoNbdParams& p, double x, double t_x,
                                                     double age, double t) {
  if (!(t >= 0)) return core::Error::invalid("t must be >= 0");
  RAPPORT_ASSIGN_OR_RETURN(double alive, pareto_nbd_probability_alive(p, x, t_x, age));
  return (p.r + x) * (p.beta + age) / (p.alpha + age) * survival_integral(p.s, p.beta + age, t) *
         alive;
}

}  // namespace rapport::analytics
