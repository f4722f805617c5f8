// Calibration/hold-out validation of a customer-base model: predicted against actual hold-out
// purchases, overall and by calibration frequency (0, 1, …, 6, 7+), as in FHL05 figure 3.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "analytics/bgnbd.hpp"
#include "analytics/customer_summary.hpp"
#include "analytics/pareto_nbd.hpp"
#include "core/result.hpp"

namespace rapport::analytics {

struct HoldoutBucket {
  std::string label;  // "0" … "6", "7+": repeat purchases in calibration
  std::size_t customers = 0;
  double actual = 0;     // Σ hold-out purchases
  double predicted = 0;  // Σ E[Y(holdout)]
};

struct HoldoutComparison {
  double actual = 0;
  double predicted = 0;
  double mean_absolute_error = 0;           // per customer, |predicted − actual| averaged
  std::vector<HoldoutBucket> by_frequency;  // always 8 buckets, some possibly empty
};

// Compares per-customer predictions with actual hold-out counts (both in input order).
// Invalid error when the lengths differ from the summaries, or a value is negative or not
// finite (field "predicted/i" or "actual/i").
core::Result<HoldoutComparison> compare_holdout(const CustomerSummaries& calibration,
                                                std::span<const double> predicted,
                                                std::span<const double> actual);

// Predicts each customer's purchases in the hold-out (length in the summaries' time unit)
// with the fitted model and compares; errors as compare_holdout and the model's E[Y].
core::Result<HoldoutComparison> validate_bgnbd(const CustomerSummaries& calibration,
                                               const BgNbdParams& params,
                                               std::span<const double> actual,
                                               double holdout_length);
core::Result<HoldoutComparison> validate_pareto_nbd(const CustomerSummaries& calibration,
                                                    const ParetoNbdParams& params,
                                                    std::span<const double> actual,
                                                    double holdout_length);

}  // namespace rapport::analytics
