// Validation and grouping of customer summaries into weighted distinct rows.
#include "analytics/weighted_rows.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>
#include <tuple>

namespace rapport::analytics {

core::Status check_summary(double x, double t_x, double age, std::size_t index) {
  // The field name is built only on failure: this runs for every one of a million customers.
  auto at = [index](const char* field) { return field + ("/" + std::to_string(index)); };
  if (!std::isfinite(x) || x < 0 || x != std::floor(x))
    return core::Error::field(at("frequency"), "must be a whole number >= 0");
  // T = 0 (first purchase on the last calibration day) is allowed: t_x <= T then forces x = 0,
  // and such a customer contributes a log-likelihood of 0, as in REFERENCE.md §6.
  if (!std::isfinite(age) || age < 0) return core::Error::field(at("age"), "must be >= 0");
  if (!std::isfinite(t_x) || t_x < 0 || t_x > age)
    return core::Error::field(at("recency"), "must lie in [0, age]");
  if (x == 0 && t_x != 0)
    return core::Error::field(at("recency"), "must be 0 for a customer without repeat purchases");
  return core::ok_status();
}

core::Result<WeightedRows> aggregate_rows(const CustomerSummaries& s) {
  const std::size_t n = s.size();
  if (n == 0) return core::Error::invalid("no customers to fit");
  if (s.recency.size() != n || s.age.size() != n)
    return core::Error::invalid("summary columns differ in length");
  for (std::size_t i = 0; i < n; ++i)
    RAPPORT_TRY(check_summary(s.frequency[i], s.recency[i], s.age[i], i));
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  auto key = [&](std::size_t i) { return std::tie(s.frequency[i], s.recency[i], s.age[i]); };
  std::sort(order.begin(), order.end(),
            [&](std::size_t i, std::size_t j) { return key(i) < key(j); });
  WeightedRows rows;
  rows.row_of_customer.resize(n);
  for (std::size_t k = 0; k < n; ++k) {
    const std::size_t i = order[k];
    if (k > 0 && key(i) == key(order[k - 1])) {
      rows.weight.back() += 1.0;
      rows.row_of_customer[i] = rows.size() - 1;
      continue;
    }
    rows.frequency.push_back(s.frequency[i]);
    rows.recency.push_back(s.recency[i]);
    rows.age.push_back(s.age[i]);
    rows.weight.push_back(1.0);
    rows.row_of_customer[i] = rows.size() - 1;
  }
  return rows;
}

}  // namespace rapport::analytics
