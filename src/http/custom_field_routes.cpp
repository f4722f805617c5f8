// Custom field handlers: parse and check the request, call the service with the caller, map back.
#include "http/custom_field_routes.hpp"

#include "http/auth_middleware.hpp"
#include "http/custom_field_json.hpp"
#include "http/json_input.hpp"
#include "http/record_routes.hpp"

namespace rapport::http {
namespace {

Response with_etag(Response response, const core::CustomFieldDefinition& definition) {
  return http::with_etag(std::move(response), definition.version);
}

core::Result<Response> list(services::CustomFieldService& fields, const Request& request) {
  RAPPORT_ASSIGN_OR_RETURN(auto caller, require_caller(request));
  RAPPORT_ASSIGN_OR_RETURN(auto entity_text, request.query_param("entity"));
  std::optional<core::RecordKind> entity;
  if (entity_text) {
    auto parsed = core::parse_record_kind(*entity_text, "entity");
    if (!parsed.ok()) return core::Error::field("entity", "must be contact or company");
    entity = *parsed;
  }
  RAPPORT_ASSIGN_OR_RETURN(auto all, fields.list(caller, entity));
  boost::json::array items;
  for (const auto& d : all) items.push_back(custom_field_to_json(d));
  return page_response(std::move(items), {});
}

core::Result<Response> create(services::CustomFieldService& fields, const Request& request) {
  RAPPORT_ASSIGN_OR_RETURN(auto caller, require_caller(request));
  RAPPORT_ASSIGN_OR_RETURN(auto body, parse_json_object(request.body));
  RAPPORT_ASSIGN_OR_RETURN(auto draft, custom_field_from_json(body));
  RAPPORT_ASSIGN_OR_RETURN(auto created, fields.create(caller, std::move(draft)));
  auto response = Response::json(custom_field_to_json(created), Status::created);
  response.set_header("Location", "/api/v1/custom-fields/" + std::to_string(created.id));
  return with_etag(std::move(response), created);
}

core::Result<Response> read(services::CustomFieldService& fields, const Request& request) {
  RAPPORT_ASSIGN_OR_RETURN(auto caller, require_caller(request));
  RAPPORT_ASSIGN_OR_RETURN(auto id, request.id_param("id"));
  RAPPORT_ASSIGN_OR_RETURN(auto definition, fields.get(caller, id));
  return with_etag(Response::json(custom_field_to_json(definition)), definition);
}

core::Result<Response> update(services::CustomFieldService& fields, const Request& request) {
  RAPPORT_ASSIGN_OR_RETURN(auto caller, require_caller(request));
  RAPPORT_ASSIGN_OR_RETURN(auto id, request.id_param("id"));
  RAPPORT_ASSIGN_OR_RETURN(auto version,
                           required_version(request, [&]() -> core::Result<std::int64_t> {
                             RAPPORT_ASSIGN_OR_RETURN(auto definition, fields.get(caller, id));
                             return definition.version;
                           }));
  RAPPORT_ASSIGN_OR_RETURN(auto body, parse_json_object(request.body));
  RAPPORT_ASSIGN_OR_RETURN(
      auto updated,
      fields.update(caller, id, version, [&](core::CustomFieldDefinition& definition) {
        return apply_custom_field_json(body, definition);
      }));
  return with_etag(Response::json(custom_field_to_json(updated)), updated);
}

core::Result<Response> remove(services::CustomFieldService& fields, const Request& request) {
  RAPPORT_ASSIGN_OR_RETURN(auto caller, require_caller(request));
  RAPPORT_ASSIGN_OR_RETURN(auto id, request.id_param("id"));
  RAPPORT_ASSIGN_OR_RETURN(auto version,
                           required_version(request, [&]() -> core::Result<std::int64_t> {
                             RAPPORT_ASSIGN_OR_RETURN(auto definition, fields.get(caller, id));
                             return definition.version;
                           }));
  RAPPORT_TRY(fields.remove(caller, id, version));
  return Response::no_content();
}

}  // namespace

void add_custom_field_routes(Router& router, services::CustomFieldService& fields) {
  auto bind = [&fields](auto handler) {
    return [&fields, handler](Request& r) { return handler(fields, r); };
  };
  router.get("/api/v1/custom-fields", bind(list));
  router.post("/api/v1/custom-fields", bind(create));
  router.get("/api/v1/custom-fields/{id}", bind(read));
  router.patch("/api/v1/custom-fields/{id}", bind(update), kVersionedWrite);
  router.del("/api/v1/custom-fields/{id}", bind(remove), kVersionedWrite);
}

}  // namespace rapport::http
