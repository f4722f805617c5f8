// Note handlers: parse and check the request, call the service with the caller, map back.
#include "http/note_routes.hpp"

#include "core/note.hpp"
#include "http/auth_middleware.hpp"
#include "http/json_input.hpp"
#include "http/list_query_parser.hpp"
#include "http/note_json.hpp"
#include "http/record_routes.hpp"

namespace rapport::http {
namespace {

// A note body may be up to core::kMaxNoteBytes; the JSON reader's default string limit is less.
const JsonLimits kNoteJson{32, core::kMaxNoteBytes};

Response note_response(const core::Note& note, Status status = Status::ok) {
  return with_etag(Response::json(note_to_json(note), status), note.meta.version);
}

// The parent a route names: the kind its path is under, the {id} of /contacts/{id}/notes or
// /companies/{id}/notes.
core::Result<core::NoteParent> parent_of(core::RecordKind kind, const Request& request) {
  RAPPORT_ASSIGN_OR_RETURN(auto id, request.id_param("id"));
  return core::NoteParent{kind, id};
}

core::Result<Response> list(services::NoteService& notes, core::RecordKind kind,
                            const Request& request) {
  RAPPORT_ASSIGN_OR_RETURN(auto caller, require_caller(request));
  RAPPORT_ASSIGN_OR_RETURN(auto parent, parent_of(kind, request));
  RAPPORT_ASSIGN_OR_RETURN(auto query, parse_list_query(request.query));
  // A timeline has one order and no filters: say so rather than ignore what the client asked.
  if (query.sort) return core::Error::field("sort", "notes are listed newest first only");
  if (!query.search.empty()) return core::Error::field("q", "search notes through their record");
  if (!query.filters.empty()) return core::Error::field("filter", "notes take no filters");
  RAPPORT_ASSIGN_OR_RETURN(auto page, notes.list(caller, parent, query.limit, query.after));
  boost::json::array items;
  for (const auto& n : page.items) items.push_back(note_to_json(n));
  return page_response(std::move(items), page.next);
}

core::Result<Response> create(services::NoteService& notes, core::RecordKind kind,
                              const Request& request) {
  RAPPORT_ASSIGN_OR_RETURN(auto caller, require_caller(request));
  core::Note draft;
  RAPPORT_ASSIGN_OR_RETURN(draft.parent, parent_of(kind, request));
  RAPPORT_ASSIGN_OR_RETURN(auto body, parse_json_object(request.body, kNoteJson));
  RAPPORT_ASSIGN_OR_RETURN(draft.body, note_body_from_json(body));
  RAPPORT_ASSIGN_OR_RETURN(auto created, notes.create(caller, std::move(draft)));
  auto response = note_response(created, Status::created);
  response.set_header("Location", "/api/v1/notes/" + std::to_string(created.id));
  return response;
}

core::Result<Response> read(services::NoteService& notes, const Request& request) {
  RAPPORT_ASSIGN_OR_RETURN(auto caller, require_caller(request));
  RAPPORT_ASSIGN_OR_RETURN(auto id, request.id_param("id"));
  RAPPORT_ASSIGN_OR_RETURN(auto note, notes.get(caller, id));
  return note_response(note);
}

core::Result<Response> update(services::NoteService& notes, const Request& request) {
  RAPPORT_ASSIGN_OR_RETURN(auto caller, require_caller(request));
  RAPPORT_ASSIGN_OR_RETURN(auto id, request.id_param("id"));
  RAPPORT_ASSIGN_OR_RETURN(auto version,
                           required_version(request, [&]() -> core::Result<std::int64_t> {
                             RAPPORT_ASSIGN_OR_RETURN(auto note, notes.get(caller, id));
                             return note.meta.version;
                           }));
  RAPPORT_ASSIGN_OR_RETURN(auto body, parse_json_object(request.body, kNoteJson));
  RAPPORT_ASSIGN_OR_RETURN(auto text, note_body_from_json(body));
  RAPPORT_ASSIGN_OR_RETURN(auto updated, notes.update(caller, id, version, std::move(text)));
  return note_response(updated);
}

core::Result<Response> remove(services::NoteService& notes, const Request& request) {
  RAPPORT_ASSIGN_OR_RETURN(auto caller, require_caller(request));
  RAPPORT_ASSIGN_OR_RETURN(auto id, request.id_param("id"));
  RAPPORT_ASSIGN_OR_RETURN(auto version,
                           required_version(request, [&]() -> core::Result<std::int64_t> {
                             RAPPORT_ASSIGN_OR_RETURN(auto note, notes.get(caller, id));
                             return note.meta.version;
                           }));
  RAPPORT_TRY(notes.remove(caller, id, version));
  return Response::no_content();
}

}  // namespace

void add_note_routes(Router& router, services::NoteService& notes) {
  auto on_parent = [&notes](auto handler, core::RecordKind kind) {
    return [&notes, handler, kind](Request& r) { return handler(notes, kind, r); };
  };
  auto bind = [&notes](auto handler) {
    return [&notes, handler](Request& r) { return handler(notes, r); };
  };
  router.get("/api/v1/contacts/{id}/notes", on_parent(list, core::RecordKind::kContact));
  router.post("/api/v1/contacts/{id}/notes", on_parent(create, core::RecordKind::kContact));
  router.get("/api/v1/companies/{id}/notes", on_parent(list, core::RecordKind::kCompany));
  router.post("/api/v1/companies/{id}/notes", on_parent(create, core::RecordKind::kCompany));
  router.get("/api/v1/notes/{id}", bind(read));
  router.patch("/api/v1/notes/{id}", bind(update), kVersionedWrite);
  router.del("/api/v1/notes/{id}", bind(remove), kVersionedWrite);
}

}  // namespace rapport::http
