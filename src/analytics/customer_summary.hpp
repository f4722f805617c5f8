// Per-customer repeat-purchase summaries (x, t_x, T, mean repeat spend): the input of the
// customer-base models (BG/NBD, Pareto/NBD, Gamma-Gamma), built from a transaction table.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace rapport::analytics {

class TransactionTable;

// Columnar: entry i of each vector describes customer i. Times are in model periods (days,
// weeks, …) measured from the customer's first purchase; see customer_summary.cpp for the
// conventions (same-day purchases merged; x counts purchase days after the first).
struct CustomerSummaries {
  std::vector<std::string> customer_ids;
  std::vector<double> frequency;  // x: number of repeat purchase days in calibration
  std::vector<double> recency;    // t_x: time of the last purchase since the first
  std::vector<double> age;        // T: time from the first purchase to the end of calibration
  std::vector<double> monetary;   // mean value of the repeat purchases; 0 when x = 0

  std::size_t size() const { return frequency.size(); }
};

enum class Period { kDay, kWeek, kMonth };

// Length of a period in days: 1, 7, or 365.25 / 12 (the mean Gregorian month).
double period_days(Period period);

struct SummaryOptions {
  Period period = Period::kWeek;
  std::int32_t calibration_end = 0;         // last day of calibration (days since 1970-01-01)
  std::optional<std::int32_t> holdout_end;  // last day of the hold-out, after calibration_end
};

// summarize()'s result: the calibration summaries and, when a hold-out was asked for, entry i of
// holdout_frequency = customer i's purchase days in (calibration end, hold-out end] (else empty).
struct CalibrationSummaries {
  CustomerSummaries calibration;
  std::vector<double> holdout_frequency;
  double holdout_length = 0;  // in periods
};

// Builds summaries with REFERENCE.md §1's conventions: lines on the same customer and day merge
// into one purchase (amounts summed); customers whose first purchase is after calibration_end
// are left out; x = purchase days after the first, up to calibration_end; t_x = (last − first)
// and T = (calibration_end − first) in periods; monetary = mean amount of the repeat purchase
// days in major currency units. Customers are ordered by ascending id text. Fails when the table
// mixes currencies or the hold-out ends before the calibration does.
core::Result<CalibrationSummaries> summarize(const TransactionTable& table,
                                             const SummaryOptions& options);

}  // namespace rapport::analytics
