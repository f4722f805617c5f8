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
  std::vector<int> row_month(table.size());
  std::vector<int> first_month(customers, INT_MAX);
  int last_month = INT_MIN;
  for (std::size_t i = 0; i < table.size(); ++i) {
    row_month[i] = month_index(table.day[i]);
    first_month[table.customer[i]] = std::min(first_month[table.customer[i]], row_month[i]);
    last_month = std::max(last_month, row_month[i]);
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
  for (std::size_t c = 0; c < customers; ++c) ++out[cohort_of_month[first_month[c]]].customers;

  // Distinct (customer, month) pairs count a customer once per month however many lines.
  std::vector<std::pair<std::uint32_t, int>> active_pairs;
  active_pairs.reserve(table.size());
  for (std::size_t i = 0; i < table.size(); ++i) {
    const std::uint32_t c = table.customer[i];
    Cohort& cohort = out[cohort_of_month[first_month[c]]];
    cohort.revenue[static_cast<std::size_t>(row_month[i] - first_month[c])] += table.amount[i];
    active_pairs.emplace_back(c, row_month[i]);
  }
  std::sort(active_pairs.begin(), active_pairs.end());
  active_pairs.erase(std::unique(active_pairs.begin(), active_pairs.end()), active_pairs.end());
  for (const auto& [c, month] : active_pairs) {
    ++out[cohort_of_month[first_month[c]]].active[static_cast<std::size_t>(month - first_month[c])];
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
