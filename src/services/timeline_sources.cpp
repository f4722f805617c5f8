// The note, change and activity sources of a timeline over the stores' keyset queries.
#include "services/timeline_sources.hpp"

#include <chrono>
#include <limits>

#include "core/timestamp.hpp"
#include "store/cursor.hpp"
#include "store/note_page.hpp"
#include "store/records.hpp"

namespace rapport::services {

namespace {

// The action of a note's creation in the audit log (NoteService).
constexpr std::string_view kCreateNote = "create_note";

}  // namespace

core::Result<TimelineSlice> NoteSource::read(const std::optional<TimelineKey>& below, int limit) {
  std::string after;
  if (below) {
    const SourceBound bound = source_bound(TimelineType::kNote, *below);
    after = store::note_cursor_below(bound.at, bound.id);
  }
  RAPPORT_ASSIGN_OR_RETURN(auto page, customers_.list_notes(parent_, limit, after));
  TimelineSlice slice;
  slice.more = !page.next.empty();
  for (auto& note : page.items) {
    TimelineKey key{core::to_millis(note.meta.created_at), TimelineType::kNote, note.id};
    slice.items.push_back(TimelineItem{key, std::move(note)});
  }
  return slice;
}

core::Result<TimelineSlice> ChangeSource::read(const std::optional<TimelineKey>& below, int limit) {
  store::HistoryQuery query;
  query.object_type = object_type_;
  query.object_id = id_;
  query.except_action = std::string(kCreateNote);
  query.limit = limit + 1;
  if (below) {
    // The log keeps whole seconds. A bound inside a second (a note's milliseconds) lies after
    // every entry of that second, so all of them are below it.
    const SourceBound bound = source_bound(TimelineType::kChange, *below);
    const std::chrono::milliseconds at(bound.at);
    const auto second = std::chrono::floor<std::chrono::seconds>(at);
    query.before_at = std::chrono::sys_seconds(second);
    query.before_id = second == at ? bound.id : std::numeric_limits<core::Id>::max();
  }
  RAPPORT_ASSIGN_OR_RETURN(auto entries, identity_.list_history(query));
  TimelineSlice slice;
  if (entries.size() > static_cast<std::size_t>(limit)) {
    slice.more = true;
    entries.resize(static_cast<std::size_t>(limit));
  }
  for (auto& entry : entries) {
    TimelineKey key{core::to_millis(core::Timestamp(entry.at)), TimelineType::kChange, entry.id};
    slice.items.push_back(TimelineItem{key, std::move(entry)});
  }
  return slice;
}

core::Result<TimelineSlice> ActivitySource::read(const std::optional<TimelineKey>& below,
                                                 int limit) {
  core::ListQuery query;
  query.filters.push_back({link_field_, core::FilterOp::kEq, {std::to_string(id_)}});
  query.sort = core::SortKey{"created_at", true};
  query.limit = limit;
  if (below) {
    const SourceBound bound = source_bound(TimelineType::kActivity, *below);
    query.after = store::encode_cursor({"created_at", true, bound.at, bound.id});
  }
  RAPPORT_ASSIGN_OR_RETURN(
      auto page, store::list<core::Activity>(customers_, query, scope_, store::Shelf::kLive));
  TimelineSlice slice;
  slice.more = !page.next.empty();
  for (auto& activity : page.items) {
    TimelineKey key{core::to_millis(activity.meta.created_at), TimelineType::kActivity,
                    activity.id};
    slice.items.push_back(TimelineItem{key, std::move(activity)});
  }
  return slice;
}

}  // namespace rapport::services
