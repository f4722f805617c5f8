// The timeline use case: the record's read check, then its sources merged in one snapshot.
#include "services/timeline_service.hpp"

#include <optional>
#include <vector>

#include "core/kind_descriptor.hpp"
#include "services/record_access.hpp"
#include "services/record_state.hpp"
#include "services/timeline_sources.hpp"

namespace rapport::services {

namespace {

// The activity field that links activities to records of `kind` ("contact_ids"); empty when
// activities do not link to it.
std::string activity_link(core::RecordKind kind) {
  for (const core::FieldDescriptor& f : core::describe(core::RecordKind::kActivity).fields) {
    if (core::is_link(f.type) && f.target == kind) return std::string(f.name);
  }
  return {};
}

}  // namespace

core::Result<TimelinePage> TimelineService::page(const Caller& caller, core::RecordKind kind,
                                                 core::Id id, int limit, const std::string& after) {
  const core::KindDescriptor& descriptor = core::describe(kind);
  const std::string noun(core::to_string(kind));
  if (!descriptor.has(core::kTimeline)) return core::Error::not_found("no such " + noun);
  const bool notes = authorize(caller, core::ObjectType::kNotes, core::Action::kRead).ok();
  const auto activities = authorize(caller, core::ObjectType::kActivities, core::Action::kRead);
  const std::string link = activity_link(kind);
  std::optional<TimelinePage> page;
  RAPPORT_TRY(records_.read_history(
      [&](store::CustomerTx& customers, store::IdentityTx& identity) -> core::Status {
        RAPPORT_TRY(readable_record(customers, caller, kind, id, noun));
        ChangeSource changes(identity, std::string(core::to_string(descriptor.object)), id);
        NoteSource note_source(customers, core::NoteParent{kind, id});
        std::vector<TimelineSource*> sources{&changes};
        if (notes) sources.push_back(&note_source);
        std::optional<ActivitySource> activity_source;
        if (activities.ok() && !link.empty()) {
          activity_source.emplace(customers, record_scope(caller, *activities), link, id);
          sources.push_back(&*activity_source);
        }
        RAPPORT_ASSIGN_OR_RETURN(page, merge_timeline(sources, limit, after));
        return core::ok_status();
      }));
  return std::move(*page);
}

}  // namespace rapport::services
