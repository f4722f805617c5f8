// Contact handlers: parse and check the request, call the service with the caller, map back.
#include "http/contact_routes.hpp"

#include "http/auth_middleware.hpp"
#include "http/contact_json.hpp"
#include "http/json_input.hpp"
#include "http/list_query_parser.hpp"
#include "http/record_routes.hpp"

namespace rapport::http {
namespace {

Response with_etag(Response response, const core::Contact& contact) {
  return http::with_etag(std::move(response), contact.meta.version);
}

core::Result<Response> list(services::ContactService& contacts, const Request& request) {
  RAPPORT_ASSIGN_OR_RETURN(auto caller, require_caller(request));
  RAPPORT_ASSIGN_OR_RETURN(auto query, parse_list_query(request.query, {"shelf"}));
  RAPPORT_ASSIGN_OR_RETURN(auto shelf, shelf_param(request));
  RAPPORT_ASSIGN_OR_RETURN(auto page, contacts.list(caller, query, shelf));
  boost::json::array items;
  for (const auto& c : page.items) items.push_back(contact_to_json(c));
  return page_response(std::move(items), page.next);
}

core::Result<Response> create(services::ContactService& contacts, const Request& request) {
  RAPPORT_ASSIGN_OR_RETURN(auto caller, require_caller(request));
  RAPPORT_ASSIGN_OR_RETURN(auto body, parse_json_object(request.body));
  core::Contact draft;
  services::FieldSet supplied;
  RAPPORT_TRY(apply_contact_json(body, draft, supplied));
  RAPPORT_ASSIGN_OR_RETURN(auto created, contacts.create(caller, std::move(draft), supplied));
  auto response = Response::json(contact_to_json(created), Status::created);
  response.set_header("Location", "/api/v1/contacts/" + std::to_string(created.id));
  return with_etag(std::move(response), created);
}

core::Result<Response> read(services::ContactService& contacts, const Request& request) {
  RAPPORT_ASSIGN_OR_RETURN(auto caller, require_caller(request));
  RAPPORT_ASSIGN_OR_RETURN(auto id, request.id_param("id"));
  RAPPORT_ASSIGN_OR_RETURN(auto contact, contacts.get(caller, id));
  return with_etag(Response::json(contact_to_json(contact)), contact);
}

core::Result<Response> update(services::ContactService& contacts, const Request& request) {
  RAPPORT_ASSIGN_OR_RETURN(auto caller, require_caller(request));
  RAPPORT_ASSIGN_OR_RETURN(auto id, request.id_param("id"));
  RAPPORT_ASSIGN_OR_RETURN(auto version, required_version(request));
  RAPPORT_ASSIGN_OR_RETURN(auto body, parse_json_object(request.body));
  services::FieldSet supplied;
  RAPPORT_ASSIGN_OR_RETURN(
      auto updated, contacts.update(caller, id, version, supplied, [&](core::Contact& contact) {
        return apply_contact_json(body, contact, supplied);
      }));
  return with_etag(Response::json(contact_to_json(updated)), updated);
}

core::Result<Response> trash(services::ContactService& contacts, const Request& request) {
  RAPPORT_ASSIGN_OR_RETURN(auto caller, require_caller(request));
  RAPPORT_ASSIGN_OR_RETURN(auto id, request.id_param("id"));
  RAPPORT_ASSIGN_OR_RETURN(auto version, required_version(request));
  RAPPORT_TRY(contacts.trash(caller, id, version));
  return Response::no_content();
}

core::Result<Response> restore(services::ContactService& contacts, const Request& request) {
  RAPPORT_ASSIGN_OR_RETURN(auto caller, require_caller(request));
  RAPPORT_ASSIGN_OR_RETURN(auto id, request.id_param("id"));
  RAPPORT_ASSIGN_OR_RETURN(auto version, required_version(request));
  RAPPORT_ASSIGN_OR_RETURN(auto restored, contacts.restore(caller, id, version));
  return with_etag(Response::json(contact_to_json(restored)), restored);
}

core::Result<Response> erase(services::ContactService& contacts, const Request& request) {
  RAPPORT_ASSIGN_OR_RETURN(auto caller, require_caller(request));
  RAPPORT_ASSIGN_OR_RETURN(auto id, request.id_param("id"));
  RAPPORT_TRY(contacts.erase(caller, id));
  return Response::no_content();
}

}  // namespace

void add_contact_routes(Router& router, services::ContactService& contacts) {
  auto bind = [&contacts](auto handler) {
    return [&contacts, handler](Request& r) { return handler(contacts, r); };
  };
  router.get("/api/v1/contacts", bind(list));
  router.post("/api/v1/contacts", bind(create));
  router.get("/api/v1/contacts/{id}", bind(read));
  router.patch("/api/v1/contacts/{id}", bind(update));
  router.del("/api/v1/contacts/{id}", bind(trash));
  router.post("/api/v1/contacts/{id}/restore", bind(restore));
  router.post("/api/v1/contacts/{id}/erase", bind(erase));
}

}  // namespace rapport::http
