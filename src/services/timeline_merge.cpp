// Merging a timeline's sources into keyset pages, and the cursor that names a page's last item.
#include "services/timeline_merge.hpp"

#include <algorithm>
#include <charconv>
#include <iterator>
#include <limits>

#include "core/list_query.hpp"
#include "store/cursor.hpp"

namespace rapport::services {

namespace {

constexpr std::string_view kCursorField = "timeline";

core::Error bad_cursor() {
  return core::Error::field("after", "not a cursor from a previous page of this timeline");
}

std::optional<TimelineType> parse_type(std::string_view name) {
  for (TimelineType type : {TimelineType::kChange, TimelineType::kNote, TimelineType::kActivity}) {
    if (to_string(type) == name) return type;
  }
  return std::nullopt;
}

}  // namespace

std::string_view to_string(TimelineType type) {
  switch (type) {
    case TimelineType::kChange:
      return "change";
    case TimelineType::kNote:
      return "note";
    case TimelineType::kActivity:
      return "activity";
  }
  return "change";
}

SourceBound source_bound(TimelineType own, const TimelineKey& below) {
  if (own == below.type) return {below.at, below.id};
  // At `below`'s instant, every item of a type that sorts lower comes after it: all ids are
  // below the largest one. Items of a type that sorts higher come before it: no id is below 0.
  if (own < below.type) return {below.at, std::numeric_limits<core::Id>::max()};
  return {below.at, 0};
}

core::Result<TimelinePage> merge_timeline(std::span<TimelineSource* const> sources, int limit,
                                          const std::string& after) {
  if (limit < 1 || limit > core::kMaxPageSize) {
    return core::Error::field("limit",
                              "must be between 1 and " + std::to_string(core::kMaxPageSize));
  }
  std::optional<TimelineKey> below;
  if (!after.empty()) {
    RAPPORT_ASSIGN_OR_RETURN(below, decode_timeline_cursor(after));
  }
  // The newest `limit` items overall are among the newest `limit` of each source.
  std::vector<TimelineItem> merged;
  bool more = false;
  for (TimelineSource* source : sources) {
    RAPPORT_ASSIGN_OR_RETURN(TimelineSlice slice, source->read(below, limit));
    more = more || slice.more;
    std::move(slice.items.begin(), slice.items.end(), std::back_inserter(merged));
  }
  std::sort(merged.begin(), merged.end(),
            [](const TimelineItem& a, const TimelineItem& b) { return a.key > b.key; });
  if (merged.size() > static_cast<std::size_t>(limit)) {
    more = true;
    merged.resize(static_cast<std::size_t>(limit));
  }
  TimelinePage page;
  page.items = std::move(merged);
  if (more && !page.items.empty()) page.next = encode_timeline_cursor(page.items.back().key);
  return page;
}

std::string encode_timeline_cursor(const TimelineKey& key) {
  return store::encode_cursor(
      store::Cursor{std::string(kCursorField), true,
                    std::string(to_string(key.type)) + ":" + std::to_string(key.at), key.id});
}

core::Result<TimelineKey> decode_timeline_cursor(std::string_view text) {
  auto cursor = store::decode_cursor(text);
  if (!cursor.ok()) return bad_cursor();
  const auto* value = std::get_if<std::string>(&cursor->value);
  if (cursor->field != kCursorField || !cursor->descending || value == nullptr) {
    return bad_cursor();
  }
  const auto colon = value->find(':');
  if (colon == std::string::npos) return bad_cursor();
  const auto type = parse_type(std::string_view(*value).substr(0, colon));
  const std::string_view at_text = std::string_view(*value).substr(colon + 1);
  TimelineKey key;
  const auto [end, ec] = std::from_chars(at_text.data(), at_text.data() + at_text.size(), key.at);
  if (!type || at_text.empty() || ec != std::errc() || end != at_text.data() + at_text.size()) {
    return bad_cursor();
  }
  key.type = *type;
  key.id = cursor->id;
  return key;
}

}  // namespace rapport::services
