// Tests for RFM: REFERENCE.md §6's statistics, per-customer figures, top-5 lists, quintile
// edges and counts on the clean Online Retail set; the segment grid; order independence.
#include "analytics/rfm.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <set>

#include "analytics/transaction_test_data.hpp"

namespace rapport::analytics {
namespace {

using testing::day_of;

const RfmTable& retail_rfm() {
  static const RfmTable rfm = [] {
    auto r = compute_rfm(testing::online_retail_clean(), day_of(2011, 12, 10));
    if (!r.ok()) throw std::runtime_error(r.error().message);
    return std::move(r).value();
  }();
  return rfm;
}

std::vector<double> as_doubles(const auto& values, double scale = 1) {
  std::vector<double> out;
  for (auto v : values) out.push_back(static_cast<double>(v) / scale);
  return out;
}

TEST(Rfm, OnlineRetailStatistics) {
  const RfmTable& rfm = retail_rfm();
  ASSERT_EQ(rfm.size(), 4338U);
  const Distribution r = describe(as_doubles(rfm.recency));
  EXPECT_EQ(r.min, 1);
  EXPECT_EQ(r.median, 51);
  EXPECT_NEAR(r.mean, 93.0595, 5e-5);
  EXPECT_EQ(r.max, 374);
  const Distribution f = describe(as_doubles(rfm.frequency));
  EXPECT_EQ(f.min, 1);
  EXPECT_EQ(f.median, 2);
  EXPECT_NEAR(f.mean, 4.2720, 5e-5);
  EXPECT_EQ(f.max, 209);
  const Distribution m = describe(as_doubles(rfm.monetary, 100));
  EXPECT_NEAR(m.min, 3.75, 1e-9);
  EXPECT_NEAR(m.median, 674.485, 1e-6);
  EXPECT_NEAR(m.mean, 2054.2665, 5e-4);
  EXPECT_NEAR(m.max, 280206.02, 1e-6);
  EXPECT_EQ(std::count(rfm.frequency.begin(), rfm.frequency.end(), 1), 1493);
}

TEST(Rfm, OnlineRetailCustomers) {
  const RfmTable& rfm = retail_rfm();
  std::map<std::string, std::size_t> at;
  for (std::size_t i = 0; i < rfm.size(); ++i) at[rfm.customer_ids[i]] = i;
  struct Expected {
    const char* id;
    std::int32_t r;
    std::int64_t f;
    std::int64_t m;  // pence
  };
  for (const Expected& e : {Expected{"12346", 326, 1, 7718360}, Expected{"12347", 3, 7, 431000},
                            Expected{"12748", 1, 209, 3371973}, Expected{"14646", 2, 73, 28020602},
                            Expected{"17841", 2, 124, 4099157}, Expected{"18102", 1, 60, 25965730},
                            Expected{"13047", 32, 10, 323754}}) {
    const std::size_t i = at.at(e.id);
    EXPECT_EQ(rfm.recency[i], e.r) << e.id;
    EXPECT_EQ(rfm.frequency[i], e.f) << e.id;
    EXPECT_EQ(rfm.monetary[i], e.m) << e.id;
  }
}

std::vector<std::string> top5(const RfmTable& rfm, const std::vector<std::int64_t>& values) {
  std::vector<std::size_t> order(rfm.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return values[a] > values[b]; });
  std::vector<std::string> ids;
  for (std::size_t k = 0; k < 5; ++k) ids.push_back(rfm.customer_ids[order[k]]);
  return ids;
}

TEST(Rfm, OnlineRetailTopFive) {
  const RfmTable& rfm = retail_rfm();
  EXPECT_EQ(top5(rfm, rfm.monetary),
            (std::vector<std::string>{"14646", "18102", "17450", "16446", "14911"}));
  EXPECT_EQ(top5(rfm, rfm.frequency),
            (std::vector<std::string>{"12748", "14911", "17841", "13089", "14606"}));
  std::map<std::string, std::size_t> at;
  for (std::size_t i = 0; i < rfm.size(); ++i) at[rfm.customer_ids[i]] = i;
  EXPECT_EQ(rfm.monetary[at.at("17450")], 19455079);
  EXPECT_EQ(rfm.monetary[at.at("16446")], 16847250);
  EXPECT_EQ(rfm.monetary[at.at("14911")], 14382506);
  EXPECT_EQ(rfm.frequency[at.at("14911")], 201);
  EXPECT_EQ(rfm.frequency[at.at("13089")], 97);
  EXPECT_EQ(rfm.frequency[at.at("14606")], 93);
}

// (min, max) of the values per score 1..5, and the count per score.
struct Bins {
  std::array<std::pair<std::int64_t, std::int64_t>, 5> range;
  std::array<int, 5> count{};
};

template <class T>
Bins bins(const std::vector<T>& values, const std::vector<std::uint8_t>& scores) {
  Bins b;
  b.range.fill({INT64_MAX, INT64_MIN});
  for (std::size_t i = 0; i < values.size(); ++i) {
    auto& [lo, hi] = b.range[scores[i] - 1];
    lo = std::min<std::int64_t>(lo, values[i]);
    hi = std::max<std::int64_t>(hi, values[i]);
    ++b.count[scores[i] - 1];
  }
  return b;
}

TEST(Rfm, OnlineRetailQuintiles) {
  const RfmTable& rfm = retail_rfm();
  using Range = std::array<std::pair<std::int64_t, std::int64_t>, 5>;
  const Bins r = bins(rfm.recency, rfm.r_score);
  EXPECT_EQ(r.range, (Range{{{180, 374}, {72, 180}, {33, 72}, {15, 33}, {1, 13}}}));
  EXPECT_EQ(r.count, (std::array<int, 5>{868, 867, 868, 867, 868}));
  const Bins f = bins(rfm.frequency, rfm.f_score);
  EXPECT_EQ(f.range, (Range{{{1, 1}, {1, 2}, {2, 3}, {3, 6}, {6, 209}}}));
  EXPECT_EQ(f.count, (std::array<int, 5>{868, 867, 868, 867, 868}));
  const Bins m = bins(rfm.monetary, rfm.m_score);
  EXPECT_EQ(
      m.range,
      (Range{{{375, 25015}, {25026, 48960}, {49022, 94226}, {94234, 205689}, {205945, 28020602}}}));
  int best = 0, worst = 0;
  for (std::size_t i = 0; i < rfm.size(); ++i) {
    best += rfm.r_score[i] == 5 && rfm.f_score[i] == 5 && rfm.m_score[i] == 5;
    worst += rfm.r_score[i] == 1 && rfm.f_score[i] == 1 && rfm.m_score[i] == 1;
  }
  EXPECT_EQ(best, 348);
  EXPECT_EQ(worst, 184);
}

TEST(Rfm, SegmentSizesAddUp) {
  const RfmTable& rfm = retail_rfm();
  const auto sizes = segment_sizes(rfm);
  std::int64_t customers = 0, revenue = 0;
  for (const SegmentSize& s : sizes) {
    customers += s.customers;
    revenue += s.revenue;
  }
  EXPECT_EQ(customers, 4338);
  EXPECT_EQ(revenue, 891140790);
  // Every 555 customer is a champion and every 111 customer is lost.
  EXPECT_GE(sizes[static_cast<std::size_t>(Segment::kChampions)].customers, 348);
  EXPECT_GE(sizes[static_cast<std::size_t>(Segment::kLost)].customers, 184);
}

TEST(Rfm, SegmentGrid) {
  EXPECT_EQ(segment_of(5, 5, 5), Segment::kChampions);
  EXPECT_EQ(segment_of(5, 4, 3), Segment::kChampions);  // FM = ⌈3.5⌉ = 4
  EXPECT_EQ(segment_of(4, 5, 4), Segment::kLoyal);
  EXPECT_EQ(segment_of(3, 4, 4), Segment::kLoyal);
  EXPECT_EQ(segment_of(4, 2, 3), Segment::kPotentialLoyalists);
  EXPECT_EQ(segment_of(5, 1, 1), Segment::kNew);
  EXPECT_EQ(segment_of(4, 1, 1), Segment::kPromising);
  EXPECT_EQ(segment_of(3, 3, 3), Segment::kNeedAttention);
  EXPECT_EQ(segment_of(3, 1, 2), Segment::kAboutToSleep);
  EXPECT_EQ(segment_of(2, 3, 4), Segment::kAtRisk);
  EXPECT_EQ(segment_of(1, 5, 5), Segment::kCantLose);
  EXPECT_EQ(segment_of(2, 1, 1), Segment::kHibernating);
  EXPECT_EQ(segment_of(1, 2, 2), Segment::kHibernating);
  EXPECT_EQ(segment_of(1, 1, 1), Segment::kLost);
  std::set<Segment> seen;
  for (int r = 1; r <= 5; ++r) {
    for (int f = 1; f <= 5; ++f) {
      for (int m = 1; m <= 5; ++m) seen.insert(segment_of(r, f, m));
    }
  }
  EXPECT_EQ(seen.size(), kSegmentCount);
  EXPECT_EQ(to_string(Segment::kCantLose), "can't lose");
}

TEST(Rfm, QuintileBinsOfRanks) {
  EXPECT_EQ(quintile_of_rank(1, 4338), 1);
  EXPECT_EQ(quintile_of_rank(868, 4338), 1);
  EXPECT_EQ(quintile_of_rank(869, 4338), 2);
  EXPECT_EQ(quintile_of_rank(4338, 4338), 5);
  EXPECT_EQ(quintile_of_rank(1, 1), 1);
  EXPECT_EQ(quintile_of_rank(2, 2), 5);
}

TEST(Rfm, ShuffledInputGivesIdenticalTable) {
  const TransactionTable shuffled = testing::shuffled_copy(testing::online_retail_clean(), 11);
  auto again = compute_rfm(shuffled, day_of(2011, 12, 10));
  ASSERT_TRUE(again.ok());
  const RfmTable& rfm = retail_rfm();
  EXPECT_EQ(again->customer_ids, rfm.customer_ids);
  EXPECT_EQ(again->recency, rfm.recency);
  EXPECT_EQ(again->frequency, rfm.frequency);
  EXPECT_EQ(again->monetary, rfm.monetary);
  EXPECT_EQ(again->r_score, rfm.r_score);
  EXPECT_EQ(again->f_score, rfm.f_score);
  EXPECT_EQ(again->m_score, rfm.m_score);
  EXPECT_EQ(again->segment, rfm.segment);
}

TEST(Rfm, FrequencyFallsBackToDaysAndIgnoresLaterLines) {
  TransactionTable t;
  auto add = [&](std::string_view customer, std::int32_t day, std::string_view invoice) {
    io::TransactionRow row;
    row.customer = customer;
    row.invoice = invoice;
    row.currency = "EUR";
    row.timestamp = std::int64_t{day} * 86400;
    row.amount = 100;
    ASSERT_TRUE(t.add(row).ok());
  };
  add("a", 10, "");
  add("a", 10, "");
  add("a", 12, "");
  add("a", 12, "I1");
  add("a", 30, "I2");  // on the snapshot day: not counted
  auto rfm = compute_rfm(t, 30);
  ASSERT_TRUE(rfm.ok());
  ASSERT_EQ(rfm->size(), 1U);
  EXPECT_EQ(rfm->recency[0], 18);
  EXPECT_EQ(rfm->frequency[0], 3);
  EXPECT_EQ(rfm->monetary[0], 400);
}

}  // namespace
}  // namespace rapport::analytics
