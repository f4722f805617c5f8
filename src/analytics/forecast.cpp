// Customer-base period forecasts (BG/NBD + Gamma-Gamma) and MAPE back-tests against
// Holt–Winters.
#include "analytics/forecast.hpp"

#include <algorithm>
#include <cmath>

#include "analytics/holt_winters.hpp"
#include "analytics/weighted_rows.hpp"

namespace rapport::analytics {

core::Result<PeriodForecast> forecast_customer_base(const CustomerSummaries& summaries,
                                                    const BgNbdParams& purchases,
                                                    const GammaGammaParams& spend,
                                                    const CustomerBaseForecastOptions& options) {
  if (options.periods < 1) return core::Error::field("periods", "must be >= 1");
  if (!(options.period_length > 0) || !std::isfinite(options.period_length))
    return core::Error::field("period_length", "must be > 0");
  if (!(options.acquisitions_per_period >= 0) || !std::isfinite(options.acquisitions_per_period))
    return core::Error::field("acquisitions_per_period", "must be >= 0");
  RAPPORT_ASSIGN_OR_RETURN(WeightedRows rows, aggregate_rows(summaries));
  RAPPORT_ASSIGN_OR_RETURN(std::vector<double> expected_spend,
                           gamma_gamma_expected_spend(spend, summaries));
  RAPPORT_ASSIGN_OR_RETURN(double mean_spend, gamma_gamma_expected_spend(spend, 0, 0));
  const auto periods = static_cast<std::size_t>(options.periods);
  const double length = options.period_length;

  // Per distinct row: expected orders in each period (differences of cumulative E[Y]).
  std::vector<double> row_orders(rows.size() * periods);
  for (std::size_t k = 0; k < rows.size(); ++k) {
    double previous = 0;
    for (std::size_t p = 0; p < periods; ++p) {
      RAPPORT_ASSIGN_OR_RETURN(
          double cumulative,
          bgnbd_conditional_expected(purchases, rows.frequency[k], rows.recency[k], rows.age[k],
                                     length * static_cast<double>(p + 1)));
      row_orders[k * periods + p] = cumulative - previous;
      previous = cumulative;
    }
  }
  PeriodForecast out;
  out.orders.assign(periods, 0.0);
  out.revenue.assign(periods, 0.0);
  out.existing_orders.assign(periods, 0.0);
  for (std::size_t i = 0; i < summaries.size(); ++i) {
    const double* orders = &row_orders[rows.row_of_customer[i] * periods];
    for (std::size_t p = 0; p < periods; ++p) {
      out.existing_orders[p] += orders[p];
      out.revenue[p] += orders[p] * expected_spend[i];
    }
  }

  // A new customer's orders in the j-th period of their life: 1 first order in period 0, then
  // the increments of E[X]; every cohort follows the same curve shifted by its start.
  std::vector<double> newcomer(periods);
  double previous = 0;
  for (std::size_t j = 0; j < periods; ++j) {
    RAPPORT_ASSIGN_OR_RETURN(
        double cumulative,
        bgnbd_expected_purchases(purchases, length * static_cast<double>(j + 1)));
    newcomer[j] = (j == 0 ? 1.0 : 0.0) + cumulative - previous;
    previous = cumulative;
  }
  for (std::size_t p = 0; p < periods; ++p) {
    double new_orders = 0;
    for (std::size_t start = 0; start <= p; ++start) new_orders += newcomer[p - start];
    new_orders *= options.acquisitions_per_period;
    out.orders[p] = out.existing_orders[p] + new_orders;
    out.revenue[p] += new_orders * mean_spend;
  }
  return out;
}

core::Result<double> historical_acquisition_rate(const CustomerSummaries& summaries,
                                                 double period_length) {
  if (summaries.size() == 0) return core::Error::invalid("no customers");
  if (!(period_length > 0)) return core::Error::field("period_length", "must be > 0");
  const double window = *std::max_element(summaries.age.begin(), summaries.age.end());
  if (!(window > 0) || !std::isfinite(window)) return core::Error::field("age", "must be > 0");
  return static_cast<double>(summaries.size()) * period_length / window;
}

core::Result<double> mean_absolute_percentage_error(std::span<const double> actual,
                                                    std::span<const double> predicted) {
  if (actual.size() != predicted.size())
    return core::Error::invalid("actual and predicted differ in length");
  double total = 0;
  std::size_t counted = 0;
  for (std::size_t i = 0; i < actual.size(); ++i) {
    if (!std::isfinite(actual[i]) || !std::isfinite(predicted[i]))
      return core::Error::invalid("values must be finite");
    if (actual[i] == 0) continue;
    total += std::abs((predicted[i] - actual[i]) / actual[i]);
    ++counted;
  }
  if (counted == 0) return core::Error::invalid("MAPE needs a non-zero actual value");
  return 100.0 * total / static_cast<double>(counted);
}

core::Result<std::vector<MethodScore>> backtest(std::span<const double> series, int holdout,
                                                int season_length,
                                                std::vector<MethodScore> others) {
  if (holdout < 1 || static_cast<std::size_t>(holdout) >= series.size())
    return core::Error::field("holdout", "must be between 1 and the series length − 1");
  const std::size_t cut = series.size() - static_cast<std::size_t>(holdout);
  const auto actual = series.subspan(cut);
  RAPPORT_ASSIGN_OR_RETURN(HoltWintersModel model,
                           fit_holt_winters(series.first(cut), season_length));
  std::vector<MethodScore> scores;
  scores.push_back({"holt_winters", forecast_holt_winters(model, holdout), 0});
  for (auto& other : others) scores.push_back(std::move(other));
  for (auto& score : scores) {
    auto mape = mean_absolute_percentage_error(actual, score.predicted);
    if (!mape.ok())
      return core::Error::field("methods/" + score.method, std::move(mape).error().message);
    score.mape = *mape;
  }
  return scores;
}

}  // namespace rapport::analytics
