// Validated, deduplicated (x, t_x, T) rows with weights: the customer-base models' likelihoods
// run over distinct rows, so a million customers with day-rounded times cost a few thousand.
#pragma once

#include <vector>

#include "analytics/customer_summary.hpp"
#include "core/result.hpp"

namespace rapport::analytics {

// Distinct rows sorted by (x, t_x, T); weight = how many customers share the row. Scoring
// per distinct row and mapping back through row_of_customer gives per-customer results.
struct WeightedRows {
  std::vector<double> frequency;
  std::vector<double> recency;
  std::vector<double> age;
  std::vector<double> weight;
  std::vector<std::size_t> row_of_customer;  // input index → its distinct row

  std::size_t size() const { return weight.size(); }
};

// Checks one customer's (x, t_x, T): finite, x a whole number ≥ 0, 0 ≤ t_x ≤ T, T > 0 and
// t_x = 0 when x = 0. On failure returns an invalid error naming `index`'s field.
core::Status check_summary(double x, double t_x, double age, std::size_t index);

// Checks every customer (see check_summary) and groups identical rows. Returns an invalid error
// with the first offending customer's field, or for an empty input.
core::Result<WeightedRows> aggregate_rows(const CustomerSummaries& summaries);

}  // namespace rapport::analytics
