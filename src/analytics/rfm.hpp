// Recency, frequency and monetary value per customer at a snapshot date, quintile scores and the
// named RFM segments, with their sizes and revenue.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace rapport::analytics {

class TransactionTable;

// The widely used R-score / FM-score grid, FM = ⌈(F + M) / 2⌉ (the mean of the F and M scores,
// halves rounded up). Every (R, FM) cell belongs to exactly one segment:
//
//   FM \ R   1               2               3               4                  5
//   5        can't lose      can't lose      loyal           loyal              champions
//   4        at risk         at risk         loyal           loyal              champions
//   3        at risk         at risk         need attention  potential loyal.   potential loyal.
//   2        hibernating     hibernating     about to sleep  potential loyal.   potential loyal.
//   1        lost            hibernating     about to sleep  promising          new
enum class Segment {
  kChampions,
  kLoyal,
  kPotentialLoyalists,
  kNew,
  kPromising,
  kNeedAttention,
  kAboutToSleep,
  kAtRisk,
  kCantLose,
  kHibernating,
  kLost,
};
inline constexpr std::size_t kSegmentCount = 11;
std::string_view to_string(Segment segment);
// The segment of an R score and F and M scores, each 1..5.
Segment segment_of(int r_score, int f_score, int m_score);

// Columnar, one entry per customer with a purchase before the snapshot, ascending by id text.
struct RfmTable {
  std::vector<std::string> customer_ids;
  std::vector<std::int32_t> recency;    // days from the last purchase day to the snapshot day
  std::vector<std::int64_t> frequency;  // distinct invoices (distinct days for lines without one)
  std::vector<std::int64_t> monetary;   // summed amounts, minor units
  std::vector<std::uint8_t> r_score;    // 1..5, 5 = most recent
  std::vector<std::uint8_t> f_score;    // 1..5, 5 = most frequent
  std::vector<std::uint8_t> m_score;    // 1..5, 5 = highest spend
  std::vector<Segment> segment;

  std::size_t size() const { return customer_ids.size(); }
};

// Computes RFM from the lines dated before snapshot_day (days since 1970-01-01), so R ≥ 1.
// Scores follow REFERENCE.md §6: customers are ranked by the value with ties broken by ascending
// id text, and rank r of N (1-based) falls in bin max(1, ⌈5(r−1)/(N−1)⌉) — pandas' qcut of the
// ranks, 5 bins of nearly equal count; R's scale is reversed. A single customer scores bin 1.
// Fails when the table mixes currencies.
core::Result<RfmTable> compute_rfm(const TransactionTable& table, std::int32_t snapshot_day);

// The quintile bin (1..5) of 1-based rank r among n values; see compute_rfm.
int quintile_of_rank(std::size_t r, std::size_t n);

struct SegmentSize {
  Segment segment;
  std::int64_t customers = 0;
  std::int64_t revenue = 0;  // minor units
};

// One entry per segment, in the order of the Segment enum, empty segments included.
std::array<SegmentSize, kSegmentCount> segment_sizes(const RfmTable& rfm);

struct Distribution {
  double min = 0;
  double median = 0;  // mean of the two middle values when the count is even
  double mean = 0;
  double max = 0;
};
// Summary statistics of values; all zero when values is empty.
Distribution describe(std::vector<double> values);

}  // namespace rapport::analytics
