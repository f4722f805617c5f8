// RFM values, tie-stable quintile scores and the segment grid.
#include "analytics/rfm.hpp"

#include <algorithm>
#include <numeric>

#include "analytics/transaction_table.hpp"

namespace rapport::analytics {
namespace {

// Scores bins of values ranked ascending; the caller's order (ascending id text) breaks ties.
template <class T>
std::vector<std::uint8_t> quintiles(const std::vector<T>& values) {
  std::vector<std::size_t> order(values.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
  std::vector<std::uint8_t> bins(values.size());
  for (std::size_t rank = 0; rank < order.size(); ++rank) {
    bins[order[rank]] = static_cast<std::uint8_t>(quintile_of_rank(rank + 1, order.size()));
  }
  return bins;
}

}  // namespace

std::string_view to_string(Segment segment) {
  switch (segment) {
    case Segment::kChampions:
      return "champions";
    case Segment::kLoyal:
      return "loyal";
    case Segment::kPotentialLoyalists:
      return "potential loyalists";
    case Segment::kNew:
      return "new";
    case Segment::kPromising:
      return "promising";
    case Segment::kNeedAttention:
      return "need attention";
    case Segment::kAboutToSleep:
      return "about to sleep";
    case Segment::kAtRisk:
      return "at risk";
    case Segment::kCantLose:
      return "can't lose";
    case Segment::kHibernating:
      return "hibernating";
    case Segment::kLost:
      return "lost";
  }
  return "lost";
}

Segment segment_of(int r, int f, int m) {
  const int fm = (f + m + 1) / 2;
  if (r <= 2) {
    if (fm == 5) return Segment::kCantLose;
    if (fm >= 3) return Segment::kAtRisk;
    if (r == 1 && fm == 1) return Segment::kLost;
    return Segment::kHibernating;
  }
  if (r == 3) {
    if (fm >= 4) return Segment::kLoyal;
    if (fm == 3) return Segment::kNeedAttention;
    return Segment::kAboutToSleep;
  }
  if (fm >= 4) return r == 5 ? Segment::kChampions : Segment::kLoyal;
  if (fm >= 2) return Segment::kPotentialLoyalists;
  return r == 5 ? Segment::kNew : Segment::kPromising;
}

int quintile_of_rank(std::size_t r, std::size_t n) {
  if (n <= 1 || r <= 1) return 1;
  const std::size_t scaled = 5 * (r - 1);
  return static_cast<int>(std::max<std::size_t>(1, (scaled + (n - 1) - 1) / (n - 1)));
}

core::Result<RfmTable> compute_rfm(const TransactionTable& table, std::int32_t snapshot_day) {
  RAPPORT_TRY(table.require_single_currency());
  if (table.invoice.size() != table.size()) {
    return core::Error::invalid("RFM needs the invoice column of the table");
  }
  const std::size_t customers = table.customers.size();
  constexpr std::int32_t kNever = INT32_MIN;
  std::vector<std::int32_t> last_day(customers, kNever);
  std::vector<std::int64_t> spend(customers, 0);
  std::vector<std::int64_t> order_count(customers, 0);
  // Distinct order keys per customer: an invoice index, or for lines without one a negative
  // day code. Customer by customer, so only one customer's keys are sorted at a time.
  const RowsByCustomer groups = group_by_customer(table);
  std::vector<std::int64_t> keys;
  for (std::size_t c = 0; c < customers; ++c) {
    keys.clear();
    for (std::size_t k = groups.offsets[c]; k < groups.offsets[c + 1]; ++k) {
      const std::size_t i = groups.rows[k];
      if (table.day[i] >= snapshot_day) continue;
      last_day[c] = std::max(last_day[c], table.day[i]);
      spend[c] += table.amount[i];
      keys.push_back(table.invoice[i] != kNoIndex
                         ? static_cast<std::int64_t>(table.invoice[i])
                         : -1 - (static_cast<std::int64_t>(table.day[i]) - INT32_MIN));
    }
    std::sort(keys.begin(), keys.end());
    order_count[c] = std::unique(keys.begin(), keys.end()) - keys.begin();
  }

  RfmTable rfm;
  for (const std::uint32_t c : table.customers.sorted_indexes()) {
    if (last_day[c] == kNever) continue;
    rfm.customer_ids.emplace_back(table.customers.text(c));
    rfm.recency.push_back(snapshot_day - last_day[c]);
    rfm.frequency.push_back(order_count[c]);
    rfm.monetary.push_back(spend[c]);
  }
  const auto r_bins = quintiles(rfm.recency);
  rfm.f_score = quintiles(rfm.frequency);
  rfm.m_score = quintiles(rfm.monetary);
  rfm.r_score.resize(r_bins.size());
  rfm.segment.resize(r_bins.size());
  for (std::size_t i = 0; i < r_bins.size(); ++i) {
    rfm.r_score[i] = static_cast<std::uint8_t>(6 - r_bins[i]);
    rfm.segment[i] = segment_of(rfm.r_score[i], rfm.f_score[i], rfm.m_score[i]);
  }
  return rfm;
}

std::array<SegmentSize, kSegmentCount> segment_sizes(const RfmTable& rfm) {
  std::array<SegmentSize, kSegmentCount> sizes;
  for (std::size_t s = 0; s < kSegmentCount; ++s) sizes[s].segment = static_cast<Segment>(s);
  for (std::size_t i = 0; i < rfm.size(); ++i) {
    SegmentSize& size = sizes[static_cast<std::size_t>(rfm.segment[i])];
    ++size.customers;
    size.revenue += rfm.monetary[i];
  }
  return sizes;
}

Distribution describe(std::vector<double> values) {
  Distribution d;
  if (values.empty()) return d;
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size();
  d.min = values.front();
  d.max = values.back();
  d.median = n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
  long double sum = 0;
  for (double v : values) sum += v;
  d.mean = static_cast<double>(sum / static_cast<long double>(n));
  return d;
}

}  // namespace rapport::analytics
