// BG/NBD likelihood, fit and per-customer expectations (FHL05 eqs. 6, 8, 9, 10).
#include "analytics/bgnbd.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include <boost/math/special_functions/digamma.hpp>

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

namespace {

// The rows with each age and recency replaced by an index into their distinct values, so that
// an evaluation takes one log of α + t per distinct time (about two thousand for day-rounded
// data) instead of two per row (hundreds of thousands at a million customers).
struct TimedRows {
  const WeightedRows& rows;
  std::vector<double> times;  // distinct ages and recencies, ascending
  std::vector<std::uint32_t> age_at;
  std::vector<std::uint32_t> recency_at;

  explicit TimedRows(const WeightedRows& r) : rows(r) {
    times.reserve(2 * r.size());
    times.insert(times.end(), r.age.begin(), r.age.end());
    times.insert(times.end(), r.recency.begin(), r.recency.end());
    std::sort(times.begin(), times.end());
    times.erase(std::unique(times.begin(), times.end()), times.end());
    auto index = [this](double t) {
      return static_cast<std::uint32_t>(std::lower_bound(times.begin(), times.end(), t) -
                                        times.begin());
    };
    age_at.reserve(r.size());
    recency_at.reserve(r.size());
    for (std::size_t i = 0; i < r.size(); ++i) {
      age_at.push_back(index(r.age[i]));
      recency_at.push_back(index(r.recency[i]));
    }
  }
};

// α + t and ln(α + t) for every distinct time, computed as the per-row formulas would.
struct TimeTerms {
  std::vector<double> plus_alpha;
  std::vector<double> log_plus_alpha;

  TimeTerms(const TimedRows& timed, double alpha) {
    plus_alpha.reserve(timed.times.size());
    log_plus_alpha.reserve(timed.times.size());
    for (const double t : timed.times) {
      plus_alpha.push_back(alpha + t);
      log_plus_alpha.push_back(std::log(alpha + t));
    }
  }
};

double log_likelihood(const BgNbdParams& p, const TimedRows& timed) {
  if (!(p.r > 0) || !(p.alpha > 0) || !(p.a > 0) || !(p.b > 0)) return kMinusInfinity;
  const WeightedRows& rows = timed.rows;
  const TimeTerms terms(timed, p.alpha);
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
    const double alive = alive_beta - (p.r + x) * terms.log_plus_alpha[timed.age_at[i]];
    const double value =
        x > 0
            ? log_add_exp(alive, dead_beta - (p.r + x) * terms.log_plus_alpha[timed.recency_at[i]])
            : alive;
    total += rows.weight[i] * (shared + value);
  }
  return total;
}

}  // namespace

double bgnbd_log_likelihood(const BgNbdParams& p, const WeightedRows& rows) {
  return log_likelihood(p, TimedRows(rows));
}

namespace {

// The LL with its gradient in (r, α, a, b). Each row's bracket is ln(e^A + e^D) with A the
// "alive at T" and D the "dropped out after t_x" term; its derivative weighs ∂A and ∂D by
// their shares of the bracket. Digamma terms are computed once per distinct x.
double log_likelihood_with_gradient(const BgNbdParams& p, const TimedRows& timed,
                                    std::span<double> grad) {
  std::fill(grad.begin(), grad.end(), 0.0);
  if (!(p.r > 0) || !(p.alpha > 0) || !(p.a > 0) || !(p.b > 0)) return kMinusInfinity;
  using boost::math::digamma;
  const WeightedRows& rows = timed.rows;
  const TimeTerms terms(timed, p.alpha);
  const double base_beta = log_beta(p.a, p.b);
  const double log_alpha = std::log(p.alpha);
  const double psi_r = digamma(p.r), psi_a = digamma(p.a), psi_b = digamma(p.b);
  const double psi_ab = digamma(p.a + p.b), psi_a1 = digamma(p.a + 1);
  double total = 0;
  double current_x = -1, shared = 0, alive_beta = 0, dead_beta = 0;
  double shared_r = 0, alive_a = 0, alive_b = 0, dead_a = 0, dead_b = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const double x = rows.frequency[i];
    if (x != current_x) {
      current_x = x;
      shared = log_rising(p.r, x) + p.r * log_alpha - base_beta;
      alive_beta = log_beta(p.a, p.b + x);
      dead_beta = x > 0 ? log_beta(p.a + 1, p.b + x - 1) : kMinusInfinity;
      const double psi_abx = digamma(p.a + p.b + x);
      shared_r = digamma(p.r + x) - psi_r + log_alpha;
      alive_a = psi_a - psi_abx;
      alive_b = digamma(p.b + x) - psi_abx;
      dead_a = psi_a1 - psi_abx;
      dead_b = x > 0 ? digamma(p.b + x - 1) - psi_abx : 0.0;
    }
    const double log_age = terms.log_plus_alpha[timed.age_at[i]];
    const double alive = alive_beta - (p.r + x) * log_age;
    double grad_r = -log_age, grad_alpha = -(p.r + x) / terms.plus_alpha[timed.age_at[i]];
    double grad_a = alive_a, grad_b = alive_b;
    double value = alive;
    if (x > 0) {
      const double log_recency = terms.log_plus_alpha[timed.recency_at[i]];
      const double dead = dead_beta - (p.r + x) * log_recency;
      value = log_add_exp(alive, dead);
      const double dead_share = std::exp(dead - value);
      const double alive_share = 1 - dead_share;
      grad_r = alive_share * grad_r - dead_share * log_recency;
      grad_alpha =
          alive_share * grad_alpha - dead_share * (p.r + x) / terms.plus_alpha[timed.recency_at[i]];
      grad_a = alive_share * grad_a + dead_share * dead_a;
      grad_b = alive_share * grad_b + dead_share * dead_b;
    }
    const double w = rows.weight[i];
    total += w * (shared + value);
    grad[0] += w * (shared_r + grad_r);
    grad[1] += w * (p.r / p.alpha + grad_alpha);
    grad[2] += w * (grad_a - (psi_a - psi_ab));
    grad[3] += w * (grad_b - (psi_b - psi_ab));
  }
  return total;
}

}  // namespace

core::Result<BgNbdFit> fit_bgnbd(const CustomerSummaries& summaries) {
  RAPPORT_ASSIGN_OR_RETURN(WeightedRows rows, aggregate_rows(summaries));
  // α carries the time unit, so its starting points scale with the mean customer age.
  // Summed over the sorted rows so that the fit does not depend on the input order.
  double age_sum = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) age_sum += rows.weight[i] * rows.age[i];
  const double mean_age = age_sum / static_cast<double>(summaries.size());
  FitOptions options;
  options.starts = {{1, 1, 1, 1}, {0.5, mean_age / 4, 0.5, 2}, {2, mean_age, 2, 5}};
  const TimedRows timed(rows);
  const LogLikelihood ll = [&timed](std::span<const double> v) {
    return log_likelihood(from_span(v), timed);
  };
  options.gradient = [&timed](std::span<const double> v, std::span<double> grad) {
    return log_likelihood_with_gradient(from_span(v), timed, grad);
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

core::Result<double> bgnbd_probability_of_purchases(const BgNbdParams& p, double t, int n) {
  if (n < 0) return core::Error::invalid("n must be >= 0");
  if (!(t >= 0) || !std::isfinite(t)) return core::Error::invalid("t must be a finite number >= 0");
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
