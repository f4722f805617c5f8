// Acquisition cohorts by calendar month (UTC days mapped through std::chrono's civil calendar).
#include "analytics/cohorts.hpp"

#include <algorithm>
#include <chrono>
#include <climits>
#include <map>

#include "analytics/transaction_table.hpp"

namespace rapport::analytics {
namespace {

// Months since year 0, so month arithmetic is subtraction.
int month_index(std::int32_t day) {
  const std::chrono::year_month_day date{std::chrono::sys_days{std::chrono::days{day}}};
  return static_cast<int>(date.year()) * 12 + static_cast<int>(unsigned{date.month()}) - 1;
}

}  // namespace

core::Result<std::vector<Cohort>> monthly_cohorts(const TransactionTable& table) {
  RAPPORT_TRY(table.require_single_currency());
  std::vector<Cohort> out;
  if (table.size() == 0) return out;
  const std::size_t customers = table.customers.size();
  // Customer by customer: each customer's months are sorted on their own, never all lines.
  const RowsByCustomer groups = group_by_customer(table);
  std::vector<int> first_month(customers, INT_MAX);
  int last_month = INT_MIN;
  std::vector<int> months;  // one customer's, reused
  auto months_of = [&](std::size_t c) {
    months.clear();
    for (std::size_t k = groups.offsets[c]; k < groups.offsets[c + 1]; ++k) {
      months.push_back(month_index(table.day[groups.rows[k]]));
    }
  };
  for (std::size_t c = 0; c < customers; ++c) {
    months_of(c);
    for (const int m : months) {
      first_month[c] = std::min(first_month[c], m);
      last_month = std::max(last_month, m);
    }
  }
  std::map<int, std::size_t> cohort_of_month;
  for (std::size_t c = 0; c < customers; ++c) cohort_of_month.emplace(first_month[c], 0);
  for (auto& [month, index] : cohort_of_month) {
    index = out.size();
    Cohort cohort;
    // Floor division keeps years before 0 right (month indexes are then negative).
    const int remainder = ((month % 12) + 12) % 12;
    cohort.year = (month - remainder) / 12;
    cohort.month = static_cast<unsigned>(remainder + 1);
    const auto offsets = static_cast<std::size_t>(last_month - month + 1);
    cohort.active.assign(offsets, 0);
    cohort.revenue.assign(offsets, 0);
    out.push_back(std::move(cohort));
  }
  for (std::size_t c = 0; c < customers; ++c) {
    Cohort& cohort = out[cohort_of_month[first_month[c]]];
    ++cohort.customers;
    months_of(c);
    for (std::size_t k = 0; k < months.size(); ++k) {
      const std::size_t i = groups.rows[groups.offsets[c] + k];
      cohort.revenue[static_cast<std::size_t>(months[k] - first_month[c])] += table.amount[i];
    }
    // A customer counts once per month however many lines.
    std::sort(months.begin(), months.end());
    months.erase(std::unique(months.begin(), months.end()), months.end());
    for (const int m : months) ++cohort.active[static_cast<std::size_t>(m - first_month[c])];
  }
  for (Cohort& cohort : out) {
    for (std::int64_t active : cohort.active) {
      cohort.retention.push_back(static_cast<double>(active) /
                                 static_cast<double>(cohort.customers));
    }
  }
  return out;
}

}  // namespace rapport::analytics
