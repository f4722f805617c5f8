// Saved-view handlers: parse and check the request, call the service with the caller, map back.
#include "http/view_routes.hpp"

#include "http/auth_middleware.hpp"
#include "http/json_input.hpp"
#include "http/record_routes.hpp"
#include "http/route_params.hpp"
#include "http/view_json.hpp"

namespace rapport::http {
namespace {

// A person's views of one kind are few (core::kMaxViewsPerUser), so the list is one page; it
// keeps the list shape so clients page uniformly.
core::Result<Response> list(services::ViewService& views, const Request& request) {
  RAPPORT_ASSIGN_OR_RETURN(auto caller, require_caller(request));
  RAPPORT_ASSIGN_OR_RETURN(auto params, QueryParams::parse(request, {"kind"}));
  const auto kind_text = params.text("kind");
  if (!kind_text) return core::Error::field("kind", "is required, e.g. kind=contact");
  RAPPORT_ASSIGN_OR_RETURN(auto kind, core::parse_record_kind(*kind_text));
  RAPPORT_ASSIGN_OR_RETURN(auto found, views.list(caller, kind));
  boost::json::array items;
  for (const auto& v : found) items.push_back(view_to_json(v));
  return page_response(std::move(items), "");
}

core::Result<Response> create(services::ViewService& views, const Request& request) {
  RAPPORT_ASSIGN_OR_RETURN(auto caller, require_caller(request));
  RAPPORT_ASSIGN_OR_RETURN(auto body, parse_json_object(request.body));
  RAPPORT_ASSIGN_OR_RETURN(auto draft, view_draft_from_json(body, true));
  RAPPORT_ASSIGN_OR_RETURN(auto created, views.create(caller, draft));
  auto response = Response::json(view_to_json(created), Status::created);
  response.set_header("Location", "/api/v1/views/" + std::to_string(created.id));
  return with_etag(std::move(response), created.version);
}

core::Result<Response> read(services::ViewService& views, const Request& request) {
  RAPPORT_ASSIGN_OR_RETURN(auto caller, require_caller(request));
  RAPPORT_ASSIGN_OR_RETURN(auto id, request.id_param("id"));
  RAPPORT_ASSIGN_OR_RETURN(auto view, views.get(caller, id));
  return with_etag(Response::json(view_to_json(view)), view.version);
}

core::Result<std::int64_t> version_of(services::ViewService& views, const Request& request,
                                      const services::Caller& caller, std::int64_t id) {
  return required_version(request, [&]() -> core::Result<std::int64_t> {
    RAPPORT_ASSIGN_OR_RETURN(auto view, views.get(caller, id));
    return view.version;
  });
}

core::Result<Response> update(services::ViewService& views, const Request& request) {
  RAPPORT_ASSIGN_OR_RETURN(auto caller, require_caller(request));
  RAPPORT_ASSIGN_OR_RETURN(auto id, request.id_param("id"));
  RAPPORT_ASSIGN_OR_RETURN(auto version, version_of(views, request, caller, id));
  RAPPORT_ASSIGN_OR_RETURN(auto body, parse_json_object(request.body));
  RAPPORT_ASSIGN_OR_RETURN(auto draft, view_draft_from_json(body, false));
  RAPPORT_ASSIGN_OR_RETURN(auto updated, views.update(caller, id, version, draft));
  return with_etag(Response::json(view_to_json(updated)), updated.version);
}

core::Result<Response> remove(services::ViewService& views, const Request& request) {
  RAPPORT_ASSIGN_OR_RETURN(auto caller, require_caller(request));
  RAPPORT_ASSIGN_OR_RETURN(auto id, request.id_param("id"));
  RAPPORT_ASSIGN_OR_RETURN(auto version, version_of(views, request, caller, id));
  RAPPORT_TRY(views.remove(caller, id, version));
  return Response::no_content();
}

}  // namespace

void add_view_routes(Router& router, services::ViewService& views) {
  auto bind = [&views](auto handler) {
    return [&views, handler](Request& r) { return handler(views, r); };
  };
  router.get("/api/v1/views", bind(list));
  router.post("/api/v1/views", bind(create));
  router.get("/api/v1/views/{id}", bind(read));
  router.patch("/api/v1/views/{id}", bind(update), kVersionedWrite);
  router.del("/api/v1/views/{id}", bind(remove), kVersionedWrite);
}

}  // namespace rapport::http
