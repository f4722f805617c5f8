// Calibration and hold-out summaries from same-day-merged purchases (REFERENCE.md §1).
#include "analytics/customer_summary.hpp"

#include "analytics/transaction_table.hpp"

namespace rapport::analytics {

double period_days(Period period) {
  switch (period) {
    case Period::kDay:
      return 1.0;
    case Period::kWeek:
      return 7.0;
    case Period::kMonth:
      return 365.25 / 12.0;
  }
  return 1.0;
}

core::Result<CalibrationSummaries> summarize(const TransactionTable& table,
                                             const SummaryOptions& options) {
  RAPPORT_TRY(table.require_single_currency());
  if (options.holdout_end && *options.holdout_end <= options.calibration_end) {
    return core::Error::field("holdout_end", "must be after the end of calibration");
  }
  const double unit = period_days(options.period);
  const CustomerDays merged = merge_same_day(table);
  CalibrationSummaries result;
  CustomerSummaries& out = result.calibration;
  if (options.holdout_end) {
    result.holdout_length = (*options.holdout_end - options.calibration_end) / unit;
  }
  for (const std::uint32_t c : table.customers.sorted_indexes()) {
    const std::size_t begin = merged.offsets[c];
    const std::size_t end = merged.offsets[c + 1];
    const std::int32_t first = merged.days[begin];
    if (first > options.calibration_end) continue;
    std::int32_t last = first;
    std::int64_t repeats = 0;
    std::int64_t repeat_spend = 0;
    std::int64_t holdout = 0;
    for (std::size_t i = begin + 1; i < end; ++i) {
      const std::int32_t d = merged.days[i];
      if (d <= options.calibration_end) {
        ++repeats;
        repeat_spend += merged.amounts[i];
        last = d;
      } else if (options.holdout_end && d <= *options.holdout_end) {
        ++holdout;
      }
    }
    out.customer_ids.emplace_back(table.customers.text(c));
    out.frequency.push_back(static_cast<double>(repeats));
    out.recency.push_back((last - first) / unit);
    out.age.push_back((options.calibration_end - first) / unit);
    out.monetary.push_back(
        repeats == 0 ? 0.0 : table.to_major(repeat_spend) / static_cast<double>(repeats));
    if (options.holdout_end) result.holdout_frequency.push_back(static_cast<double>(holdout));
  }
  return result;
}

}  // namespace rapport::analytics
