// Orders and revenue for the next N periods from the customer-base models (BG/NBD + Gamma-
// Gamma, existing and not-yet-acquired customers), and back-testing of forecasts by MAPE.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "analytics/bgnbd.hpp"
#include "analytics/customer_summary.hpp"
#include "analytics/gamma_gamma.hpp"
#include "core/result.hpp"

namespace rapport::analytics {

struct CustomerBaseForecastOptions {
  int periods = 12;
  double period_length = 0;            // required, > 0, in the summaries' time unit
  double acquisitions_per_period = 0;  // new customers per period; 0 for a closed cohort
};

struct PeriodForecast {
  std::vector<double> orders;           // per period: repeat orders of existing customers, plus new
                                        // customers' first and repeat orders
  std::vector<double> revenue;          // orders × expected spend
  std::vector<double> existing_orders;  // the existing customers' share of `orders`
};

// Existing customer i contributes E[Y_i(kL)] − E[Y_i((k−1)L)] orders to period k, valued at
// their Gamma-Gamma E[M]. New customers arrive at the start of each period at the given rate:
// each makes a first order in that period and E[X(t − t0)] repeat orders after it, all valued
// at the population mean spend γp/(q−1). Invalid error for bad options or summaries, or when
// E[Y], E[X] or E[M] cannot be computed.
core::Result<PeriodForecast> forecast_customer_base(const CustomerSummaries& summaries,
                                                    const BgNbdParams& purchases,
                                                    const GammaGammaParams& spend,
                                                    const CustomerBaseForecastOptions& options);

// New customers per period over the calibration window, estimated as customers · L / max(T):
// a steady arrival rate since the first customer. Invalid error for empty summaries or L ≤ 0.
core::Result<double> historical_acquisition_rate(const CustomerSummaries& summaries,
                                                 double period_length);

// Mean absolute percentage error (in percent) over periods whose actual value is not zero.
// Invalid error for different lengths, non-finite values or no non-zero actual.
core::Result<double> mean_absolute_percentage_error(std::span<const double> actual,
                                                    std::span<const double> predicted);

struct MethodScore {
  std::string method;
  std::vector<double> predicted;
  double mape = 0;
};

// Back-test of the seasonal model: fits Holt–Winters on all but the last `holdout` periods of
// `series`, forecasts them and scores the forecast; `others` (e.g. a customer-base forecast
// made from data up to the same cut-off) are scored against the same hold-out. Invalid error
// when the remaining history is too short for the model, or a method's forecast has the wrong
// length.
core::Result<std::vector<MethodScore>> backtest(std::span<const double> series, int holdout,
                                                int season_length,
                                                std::vector<MethodScore> others = {});

}  // namespace rapport::analytics
