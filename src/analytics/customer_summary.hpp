// Per-customer repeat-purchase summaries (x, t_x, T, mean repeat spend): the input of the
// customer-base models (BG/NBD, Pareto/NBD, Gamma-Gamma), built from a transaction table.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace rapport::analytics {

// Columnar: entry i of each vector describes customer i. Times are in model periods (days,
// weeks, …) measured from the customer's first purchase; see customer_summary.cpp for the
// conventions (same-period purchases merged; x counts purchases after the first).
struct CustomerSummaries {
  std::vector<std::string> customer_ids;
  std::vector<double> frequency;  // x: number of repeat purchase periods in calibration
  std::vector<double> recency;    // t_x: time of the last purchase since the first
  std::vector<double> age;        // T: time from the first purchase to the end of calibration
  std::vector<double> monetary;   // mean value of the repeat purchases; 0 when x = 0

  std::size_t size() const { return frequency.size(); }
};

}  // namespace rapport::analytics
