// Discounted CLV: per-step increments of BG/NBD's E[Y(t)] times Gamma-Gamma's E[M].
#include "analytics/clv.hpp"

#include <cmath>

#include "analytics/weighted_rows.hpp"

namespace rapport::analytics {

core::Result<std::vector<double>> customer_lifetime_value(const BgNbdParams& purchases,
                                                          const GammaGammaParams& spend,
                                                          const CustomerSummaries& summaries,
                                                          const ClvOptions& options) {
  if (options.steps < 1) return core::Error::field("steps", "must be >= 1");
  if (!(options.step_length > 0) || !std::isfinite(options.step_length))
    return core::Error::field("step_length", "must be > 0");
  if (!(options.discount_rate > -1) || !std::isfinite(options.discount_rate))
    return core::Error::field("discount_rate", "must be > -1");
  RAPPORT_ASSIGN_OR_RETURN(WeightedRows rows, aggregate_rows(summaries));
  RAPPORT_ASSIGN_OR_RETURN(std::vector<double> expected_spend,
                           gamma_gamma_expected_spend(spend, summaries));
  // Discounted purchases per distinct row; spend is per customer, so it multiplies at the end.
  std::vector<double> discounted(rows.size());
  for (std::size_t k = 0; k < rows.size(); ++k) {
    double previous = 0, total = 0;
    for (int i = 1; i <= options.steps; ++i) {
      RAPPORT_ASSIGN_OR_RETURN(double cumulative, bgnbd_conditional_expected(
                                                      purchases, rows.frequency[k], rows.recency[k],
                                                      rows.age[k], options.step_length * i));
      total += (cumulative - previous) / std::pow(1 + options.discount_rate, i);
      previous = cumulative;
    }
    discounted[k] = total;
  }
  std::vector<double> out(summaries.size());
  for (std::size_t i = 0; i < out.size(); ++i)
    out[i] = expected_spend[i] * discounted[rows.row_of_customer[i]];
  return out;
}

}  // namespace rapport::analytics
