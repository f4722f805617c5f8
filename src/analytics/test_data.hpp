// Test-only helper: reads the small CDNOW and donations CSVs of RAPPORT_SHARED_DATA in place
// into the shapes the models take. Included by *_test.cpp files only.
#pragma once

#include <chrono>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "analytics/customer_summary.hpp"

namespace rapport::analytics::testing {

// Rows of numbers from a headed CSV without quoting; the first column may be an id.
inline std::vector<std::vector<std::string>> read_csv(const std::string& relative_path) {
  const std::string path = std::string(RAPPORT_SHARED_DATA) + "/" + relative_path;
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::vector<std::vector<std::string>> rows;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    std::vector<std::string> cells;
    std::stringstream fields(line);
    std::string cell;
    while (std::getline(fields, cell, ',')) cells.push_back(cell);
    rows.push_back(std::move(cells));
  }
  return rows;
}

// cdnow_customers_summary_with_transactions.csv: ID, x, t_x, T, zbar (weeks, dollars).
inline CustomerSummaries cdnow_summaries() {
  CustomerSummaries s;
  for (const auto& row : read_csv("cdnow/cdnow_customers_summary_with_transactions.csv")) {
    s.customer_ids.push_back(row.at(0));
    s.frequency.push_back(std::stod(row.at(1)));
    s.recency.push_back(std::stod(row.at(2)));
    s.age.push_back(std::stod(row.at(3)));
    s.monetary.push_back(std::stod(row.at(4)));
  }
  return s;
}

// cdnow_customers_summary.csv: ID, frequency, recency, T (no spend column).
inline CustomerSummaries cdnow_frequency_summaries() {
  CustomerSummaries s;
  for (const auto& row : read_csv("cdnow/cdnow_customers_summary.csv")) {
    s.customer_ids.push_back(row.at(0));
    s.frequency.push_back(std::stod(row.at(1)));
    s.recency.push_back(std::stod(row.at(2)));
    s.age.push_back(std::stod(row.at(3)));
    s.monetary.push_back(0.0);
  }
  return s;
}

// Purchase days per customer in CDNOW's hold-out, 1997-10-01 … 1998-06-30 (39 weeks), from
// CDNOW_sample.txt (columns: master id, sample id, yyyymmdd, CDs, dollars), same-day purchases
// merged; aligned with `ids` (the sample ids of the summary files).
inline std::vector<double> cdnow_holdout_purchase_days(const std::vector<std::string>& ids) {
  const std::string path = std::string(RAPPORT_SHARED_DATA) + "/cdnow/CDNOW_sample.txt";
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::map<long, std::set<long>> days;
  long master = 0, id = 0, date = 0;
  double cds = 0, dollars = 0;
  while (in >> master >> id >> date >> cds >> dollars) {
    if (date >= 19971001 && date <= 19980630) days[id].insert(date);
  }
  std::vector<double> counts;
  for (const auto& text : ids) {
    auto found = days.find(std::stol(text));
    counts.push_back(found == days.end() ? 0.0 : static_cast<double>(found->second.size()));
  }
  return counts;
}

// Repeat purchase days (every purchase day after a customer's first) per week of CDNOW_sample,
// weeks counted from 1997-01-01: weeks 0–38 are the calibration period, 39–77 the hold-out.
inline std::vector<double> cdnow_weekly_repeat_purchases() {
  const std::string path = std::string(RAPPORT_SHARED_DATA) + "/cdnow/CDNOW_sample.txt";
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::map<long, std::set<long>> days;  // customer → day numbers since 1997-01-01
  long master = 0, id = 0, date = 0;
  double cds = 0, dollars = 0;
  while (in >> master >> id >> date >> cds >> dollars) {
    const int year = static_cast<int>(date / 10000);
    const unsigned month = static_cast<unsigned>(date / 100 % 100);
    const unsigned day = static_cast<unsigned>(date % 100);
    const auto since = std::chrono::sys_days(std::chrono::year(year) / month / day) -
                       std::chrono::sys_days(std::chrono::year(1997) / 1 / 1);
    days[id].insert(since.count());
  }
  std::vector<double> weeks(78, 0.0);
  for (const auto& [customer, purchase_days] : days) {
    for (auto it = std::next(purchase_days.begin()); it != purchase_days.end(); ++it) {
      if (*it / 7 < 78) weeks[static_cast<std::size_t>(*it / 7)] += 1;
    }
  }
  return weeks;
}

}  // namespace rapport::analytics::testing
