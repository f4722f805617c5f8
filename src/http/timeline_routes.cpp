// Timeline handlers: the page request checked as the lists check theirs, the items mapped to JSON.
#include "http/timeline_routes.hpp"

#include <string>
#include <type_traits>
#include <variant>

#include "core/kind_descriptor.hpp"
#include "core/timestamp.hpp"
#include "http/activity_json.hpp"
#include "http/audit_json.hpp"
#include "http/auth_middleware.hpp"
#include "http/list_query_parser.hpp"
#include "http/note_json.hpp"
#include "http/record_routes.hpp"

namespace rapport::http {
namespace {

boost::json::object item_to_json(const services::TimelineItem& item) {
  boost::json::object out;
  out["type"] = services::to_string(item.key.type);
  out["at"] = core::format_timestamp(core::from_millis(item.key.at));
  out["id"] = item.key.id;
  std::visit(
      [&out](const auto& entry) {
        using Entry = std::decay_t<decltype(entry)>;
        if constexpr (std::is_same_v<Entry, core::Note>) {
          out["note"] = note_to_json(entry);
        } else if constexpr (std::is_same_v<Entry, core::Activity>) {
          out["activity"] = activity_to_json(entry);
        } else {
          out["change"] = audit_change_to_json(entry);
        }
      },
      item.entry);
  return out;
}

core::Result<Response> list(services::TimelineService& timelines, core::RecordKind kind,
                            const Request& request) {
  RAPPORT_ASSIGN_OR_RETURN(auto caller, require_caller(request));
  RAPPORT_ASSIGN_OR_RETURN(auto id, request.id_param("id"));
  RAPPORT_ASSIGN_OR_RETURN(auto query, parse_list_query(request.query));
  // A timeline has one order and no filters: say so rather than ignore what the client asked.
  if (query.sort) return core::Error::field("sort", "a timeline is listed newest first only");
  if (!query.search.empty()) return core::Error::field("q", "a timeline cannot be searched");
  if (!query.filters.empty()) return core::Error::field("filter", "a timeline takes no filters");
  RAPPORT_ASSIGN_OR_RETURN(auto page, timelines.page(caller, kind, id, query.limit, query.after));
  boost::json::array items;
  for (const auto& item : page.items) items.push_back(item_to_json(item));
  return page_response(std::move(items), page.next);
}

}  // namespace

void add_timeline_routes(Router& router, services::TimelineService& timelines) {
  for (core::RecordKind kind : core::kRecordKinds) {
    const core::KindDescriptor& descriptor = core::describe(kind);
    if (!descriptor.has(core::kTimeline)) continue;
    router.get("/api/v1/" + std::string(descriptor.collection) + "/{id}/timeline",
               [&timelines, kind](Request& r) { return list(timelines, kind, r); });
  }
}

}  // namespace rapport::http
