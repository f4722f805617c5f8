// Saved views as JSON.
#include "http/view_json.hpp"

#include "http/json_input.hpp"
#include "http/list_query_parser.hpp"
#include "http/user_json.hpp"

namespace rapport::http {
namespace {

// Why `query` cannot be kept as a view's list query, or nullopt when it can.
std::optional<std::string> query_problem(std::string_view query) {
  for (std::string_view rest = query; !rest.empty();) {
    const std::size_t amp = rest.find('&');
    const std::string_view param = rest.substr(0, amp);
    const std::string_view key = param.substr(0, param.find('='));
    if (key == "limit" || key == "after") {
      return "keeps the list's filter, sort and search; " + std::string(key) + " is paging";
    }
    rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
  }
  auto parsed = parse_list_query(query);
  if (!parsed.ok()) return parsed.error().message;
  return std::nullopt;
}

}  // namespace

boost::json::object view_to_json(const core::SavedView& view) {
  boost::json::object o;
  o["id"] = view.id;
  o["kind"] = std::string(core::to_string(view.kind));
  o["name"] = view.name;
  o["shared"] = view.team_id.has_value();
  o["owner_id"] = view.owner_id;
  o["query"] = view.query;
  boost::json::array columns;
  for (const std::string& c : view.columns) columns.emplace_back(c);
  o["columns"] = std::move(columns);
  o["version"] = view.version;
  o["created_at"] = format_seconds(view.created_at);
  o["updated_at"] = format_seconds(view.updated_at);
  return o;
}

core::Result<services::ViewDraft> view_draft_from_json(const boost::json::object& body,
                                                       bool create) {
  ObjectReader reader(body);
  if (create) {
    reader.allow_only({"kind", "name", "shared", "query", "columns"});
  } else {
    reader.allow_only({"name", "shared", "query", "columns"});
  }
  services::ViewDraft draft;
  const Need need = create ? Need::kRequired : Need::kOptional;
  if (create) {
    if (auto kind = reader.string("kind", need)) {
      auto parsed = core::parse_record_kind(*kind);
      if (parsed.ok()) {
        draft.kind = *parsed;
      } else {
        reader.fail("kind", "is not a kind of record");
      }
    }
  }
  draft.name = reader.string("name", need);
  draft.shared = reader.boolean("shared");
  draft.query = reader.string("query", need);
  if (draft.query) {
    if (auto problem = query_problem(*draft.query)) reader.fail("query", std::move(*problem));
  }
  if (const auto* columns = reader.array("columns")) {
    std::vector<std::string> names;
    for (std::size_t i = 0; i < columns->size(); ++i) {
      if (const auto* name = (*columns)[i].if_string()) {
        names.emplace_back(*name);
      } else {
        reader.fail_at("columns/" + std::to_string(i), "must be a string");
      }
    }
    draft.columns = std::move(names);
  }
  RAPPORT_TRY(reader.finish());
  return draft;
}

}  // namespace rapport::http
