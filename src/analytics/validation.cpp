// Hold-out comparison of predicted and actual purchases by calibration frequency bucket.
#include "analytics/validation.hpp"

#include <algorithm>
#include <cmath>

#include "analytics/weighted_rows.hpp"

namespace rapport::analytics {
namespace {

constexpr std::size_t kBuckets = 8;  // 0 … 6 and 7+

core::Status check_counts(std::span<const double> values, std::size_t n, const char* name) {
  if (values.size() != n) return core::Error::field(name, "must have one entry per customer");
  for (std::size_t i = 0; i < n; ++i) {
    if (!std::isfinite(values[i]) || values[i] < 0)
      return core::Error::field(std::string(name) + "/" + std::to_string(i),
                                "must be a finite number >= 0");
  }
  return core::ok_status();
}

}  // namespace

core::Result<HoldoutComparison> compare_holdout(const CustomerSummaries& calibration,
                                                std::span<const double> predicted,
                                                std::span<const double> actual) {
  const std::size_t n = calibration.size();
  RAPPORT_TRY(check_counts(predicted, n, "predicted"));
  RAPPORT_TRY(check_counts(actual, n, "actual"));
  HoldoutComparison out;
  out.by_frequency.resize(kBuckets);
  for (std::size_t b = 0; b < kBuckets; ++b)
    out.by_frequency[b].label = b + 1 == kBuckets ? "7+" : std::to_string(b);
  double absolute_error = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const double x = calibration.frequency[i];
    if (!std::isfinite(x) || x < 0)
      return core::Error::field("frequency/" + std::to_string(i), "must be a number >= 0");
    auto& bucket =
        out.by_frequency[std::min<std::size_t>(static_cast<std::size_t>(x), kBuckets - 1)];
    ++bucket.customers;
    bucket.actual += actual[i];
    bucket.predicted += predicted[i];
    out.actual += actual[i];
    out.predicted += predicted[i];
    absolute_error += std::abs(predicted[i] - actual[i]);
  }
  out.mean_absolute_error = n > 0 ? absolute_error / static_cast<double>(n) : 0.0;
  return out;
}

core::Result<HoldoutComparison> validate_bgnbd(const CustomerSummaries& calibration,
                                               const BgNbdParams& params,
                                               std::span<const double> actual,
                                               double holdout_length) {
  RAPPORT_ASSIGN_OR_RETURN(std::vector<double> predicted,
                           bgnbd_conditional_expected(params, calibration, holdout_length));
  return compare_holdout(calibration, predicted, actual);
}

core::Result<HoldoutComparison> validate_pareto_nbd(const CustomerSummaries& calibration,
                                                    const ParetoNbdParams& params,
                                                    std::span<const double> actual,
                                                    double holdout_length) {
  RAPPORT_ASSIGN_OR_RETURN(WeightedRows rows, aggregate_rows(calibration));
  std::vector<double> per_row(rows.size());
  for (std::size_t k = 0; k < rows.size(); ++k) {
    RAPPORT_ASSIGN_OR_RETURN(
        per_row[k], pareto_nbd_conditional_expected(params, rows.frequency[k], rows.recency[k],
                                                    rows.age[k], holdout_length));
  }
  std::vector<double> predicted(calibration.size());
  for (std::size_t i = 0; i < predicted.size(); ++i)
    predicted[i] = per_row[rows.row_of_customer[i]];
  return compare_holdout(calibration, predicted, actual);
}

}  // namespace rapport::analytics
