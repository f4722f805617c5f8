// The timeline merge over in-memory sources: one order across sources with equal times, pages
// that together give every item once, bounds per source type, and the cursor's checks.
#include "services/timeline_merge.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <limits>
#include <utility>

#include "core/list_query.hpp"
#include "store/cursor.hpp"

namespace rapport::services {
namespace {

// A source over fixed keys of one type, read as a store would: below a bound, newest first.
class FakeSource final : public TimelineSource {
 public:
  FakeSource(TimelineType type, std::vector<std::pair<std::int64_t, core::Id>> at_ids)
      : type_(type) {
    for (auto [at, id] : at_ids) keys_.push_back({at, type, id});
    std::sort(keys_.begin(), keys_.end(), std::greater<>());
  }
  core::Result<TimelineSlice> read(const std::optional<TimelineKey>& below, int limit) override {
    ++reads;
    TimelineSlice slice;
    for (const TimelineKey& key : keys_) {
      if (below) {
        const SourceBound bound = source_bound(type_, *below);
        if (std::pair(key.at, key.id) >= std::pair(bound.at, bound.id)) continue;
      }
      if (static_cast<int>(slice.items.size()) == limit) {
        slice.more = true;
        break;
      }
      slice.items.push_back({key, core::AuditEntry{}});
    }
    return slice;
  }
  int reads = 0;

 private:
  TimelineType type_;
  std::vector<TimelineKey> keys_;
};

std::vector<TimelineKey> keys_of(const TimelinePage& page) {
  std::vector<TimelineKey> keys;
  for (const auto& item : page.items) keys.push_back(item.key);
  return keys;
}

TEST(TimelineMerge, NewestFirstAcrossSourcesWithTypeThenIdAtOneInstant) {
  FakeSource changes(TimelineType::kChange, {{1000, 1}, {2000, 2}, {2000, 3}, {3000, 4}});
  FakeSource notes(TimelineType::kNote, {{2000, 1}, {2000, 7}, {2500, 2}});
  std::vector<TimelineSource*> sources{&changes, &notes};
  auto page = merge_timeline(sources, 50, "");
  ASSERT_TRUE(page.ok()) << page.error().message;
  using enum TimelineType;
  const std::vector<TimelineKey> expected{
      {3000, kChange, 4}, {2500, kNote, 2},   {2000, kNote, 7},  {2000, kNote, 1},
      {2000, kChange, 3}, {2000, kChange, 2}, {1000, kChange, 1}};
  EXPECT_EQ(keys_of(*page), expected);
  EXPECT_TRUE(page->next.empty());
}

TEST(TimelineMerge, EveryPageSizeGivesEveryItemOnceInOrder) {
  FakeSource changes(TimelineType::kChange,
                     {{1000, 1}, {2000, 2}, {2000, 3}, {2000, 9}, {3000, 4}, {3000, 5}});
  FakeSource notes(TimelineType::kNote, {{2000, 1}, {2000, 7}, {2999, 2}, {3000, 3}, {500, 4}});
  std::vector<TimelineSource*> sources{&changes, &notes};
  auto all = merge_timeline(sources, 50, "");
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->items.size(), 11u);
  for (int limit = 1; limit <= 12; ++limit) {
    std::vector<TimelineKey> seen;
    std::string after;
    for (int pages = 0; pages < 20; ++pages) {
      auto page = merge_timeline(sources, limit, after);
      ASSERT_TRUE(page.ok()) << page.error().message;
      EXPECT_LE(page->items.size(), static_cast<std::size_t>(limit));
      for (const auto& key : keys_of(*page)) seen.push_back(key);
      after = page->next;
      if (after.empty()) break;
      EXPECT_EQ(page->items.size(), static_cast<std::size_t>(limit));
    }
    EXPECT_EQ(seen, keys_of(*all)) << "limit " << limit;
  }
}

TEST(TimelineMerge, NoCursorWhenTheLastPageIsExactlyFull) {
  FakeSource changes(TimelineType::kChange, {{1000, 1}, {2000, 2}});
  FakeSource notes(TimelineType::kNote, {{1500, 1}});
  std::vector<TimelineSource*> sources{&changes, &notes};
  auto page = merge_timeline(sources, 3, "");
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->items.size(), 3u);
  EXPECT_TRUE(page->next.empty());
}

TEST(TimelineMerge, EmptyTimeline) {
  FakeSource changes(TimelineType::kChange, {});
  std::vector<TimelineSource*> sources{&changes};
  auto page = merge_timeline(sources, 10, "");
  ASSERT_TRUE(page.ok());
  EXPECT_TRUE(page->items.empty());
  EXPECT_TRUE(page->next.empty());
}

TEST(TimelineMerge, SourceBoundsAtTheCursorsInstant) {
  using enum TimelineType;
  const TimelineKey below{2000, kNote, 7};
  EXPECT_EQ(source_bound(kNote, below).id, 7);
  EXPECT_EQ(source_bound(kNote, below).at, 2000);
  // Changes sort below notes at one instant: every change of that instant is still to come.
  EXPECT_EQ(source_bound(kChange, below).id, std::numeric_limits<core::Id>::max());
  // Notes sort above changes: none of that instant is left below a change.
  EXPECT_EQ(source_bound(kNote, TimelineKey{2000, kChange, 3}).id, 0);
}

TEST(TimelineMerge, CursorRoundTrip) {
  for (const TimelineKey key : {TimelineKey{1733572800123, TimelineType::kNote, 42},
                                TimelineKey{-5000, TimelineType::kChange, 1}}) {
    auto decoded = decode_timeline_cursor(encode_timeline_cursor(key));
    ASSERT_TRUE(decoded.ok()) << decoded.error().message;
    EXPECT_EQ(*decoded, key);
  }
}

TEST(TimelineMerge, RefusesBadLimitsAndCursors) {
  FakeSource changes(TimelineType::kChange, {{1000, 1}});
  std::vector<TimelineSource*> sources{&changes};
  for (int limit : {0, -1, core::kMaxPageSize + 1}) {
    auto page = merge_timeline(sources, limit, "");
    ASSERT_FALSE(page.ok());
    EXPECT_EQ(page.error().kind, core::ErrorKind::kInvalid);
    ASSERT_EQ(page.error().fields.size(), 1u);
    EXPECT_EQ(page.error().fields[0].field, "limit");
  }
  const std::string note_cursor = store::encode_cursor({"created_at", true, std::int64_t{5}, 1});
  const std::string ascending = store::encode_cursor({"timeline", false, std::string("note:5"), 1});
  const std::string unknown_type =
      store::encode_cursor({"timeline", true, std::string("call:5"), 1});
  const std::string bad_time = store::encode_cursor({"timeline", true, std::string("note:5x"), 1});
  for (const std::string& after :
       {std::string("not a cursor!"), note_cursor, ascending, unknown_type, bad_time}) {
    auto page = merge_timeline(sources, 10, after);
    ASSERT_FALSE(page.ok()) << after;
    EXPECT_EQ(page.error().kind, core::ErrorKind::kInvalid);
    ASSERT_EQ(page.error().fields.size(), 1u);
    EXPECT_EQ(page.error().fields[0].field, "after");
  }
  EXPECT_EQ(changes.reads, 0);
}

}  // namespace
}  // namespace rapport::services
