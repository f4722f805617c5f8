// A record's timeline as one feed merged from several sources (its notes, its audited changes,
// the activities linked to it): each source reads its own items below a position, newest first, and
// the merge takes the newest page across them. A page's cursor is the position of its last item, so
// a source added later needs no change here, only one more entry in the list of sources.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/activity.hpp"
#include "core/audit_entry.hpp"
#include "core/ids.hpp"
#include "core/note.hpp"
#include "core/result.hpp"

namespace rapport::services {

// What an item is. At one instant, items of a type listed later come first (newest first is
// descending order), so that the order is total and the same on every page.
enum class TimelineType { kChange, kNote, kActivity };

// Stable wire names: "change", "note", "activity".
std::string_view to_string(TimelineType type);

// An item's place on the timeline; the feed runs in descending order of (at, type, id).
struct TimelineKey {
  std::int64_t at = 0;  // milliseconds since the epoch
  TimelineType type = TimelineType::kChange;
  core::Id id = 0;  // the id within its type's source
  auto operator<=>(const TimelineKey&) const = default;
};

struct TimelineItem {
  TimelineKey key;
  std::variant<core::AuditEntry, core::Note, core::Activity> entry;
};

// What a source read: at most the number of items asked for, and whether more follow them.
struct TimelineSlice {
  std::vector<TimelineItem> items;
  bool more = false;
};

// The items of one type on one record's timeline.
class TimelineSource {
 public:
  virtual ~TimelineSource() = default;
  // At most `limit` (1..core::kMaxPageSize) of the source's items below `below` (all of them when
  // unset), in descending key order; an engine's error otherwise.
  virtual core::Result<TimelineSlice> read(const std::optional<TimelineKey>& below, int limit) = 0;
};

// Where a source of items of type `own`, each keyed (at, own, id), starts reading below `below`:
// its items with (at, id) less than the returned (at, id) pair, compared in that order.
struct SourceBound {
  std::int64_t at = 0;
  core::Id id = 0;
};
SourceBound source_bound(TimelineType own, const TimelineKey& below);

struct TimelinePage {
  std::vector<TimelineItem> items;
  std::string next;  // the cursor of the following page; empty on the last page
};

// The newest `limit` items across `sources` below the cursor `after` (empty: from the newest).
// kInvalid on "limit" outside 1..core::kMaxPageSize or "after" not a timeline cursor; a source's
// error otherwise.
core::Result<TimelinePage> merge_timeline(std::span<TimelineSource* const> sources, int limit,
                                          const std::string& after);

// A page's cursor from the key of its last item, and back; decode_timeline_cursor answers
// kInvalid on field "after" for any text encode_timeline_cursor did not produce.
std::string encode_timeline_cursor(const TimelineKey& key);
core::Result<TimelineKey> decode_timeline_cursor(std::string_view text);

}  // namespace rapport::services
