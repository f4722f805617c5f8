// Monthly acquisition cohorts: customers grouped by the calendar month of their first purchase,
// with how many of them buy again and how much they spend in each later month.
#pragma once

#include <cstdint>
#include <vector>

#include "core/result.hpp"

namespace rapport::analytics {

class TransactionTable;

struct Cohort {
  int year = 0;
  unsigned month = 0;  // 1..12: the month of the customers' first purchase
  std::int64_t customers = 0;
  // Index k is the k-th month after the cohort month (0 = the month itself), up to the last month
  // of the data: customers with a purchase that month, their share of the cohort, and the summed
  // amounts of the cohort's lines that month (minor units).
  std::vector<std::int64_t> active;
  std::vector<double> retention;
  std::vector<std::int64_t> revenue;
};

// One cohort per month with at least one new customer, in calendar order. Fails when the table
// mixes currencies; an empty table gives no cohorts.
core::Result<std::vector<Cohort>> monthly_cohorts(const TransactionTable& table);

}  // namespace rapport::analytics
