// Company handlers: parse and check the request, call the service with the caller, map back.
#include "http/company_routes.hpp"

#include "http/auth_middleware.hpp"
#include "http/company_json.hpp"
#include "http/json_input.hpp"
#include "http/list_query_parser.hpp"
#include "http/record_routes.hpp"

namespace rapport::http {
namespace {

Response with_etag(Response response, const core::Company& company) {
  return http::with_etag(std::move(response), company.meta.version);
}

// The service's result with field errors named as on the wire.
template <class T>
core::Result<T> on_wire(core::Result<T> result) {
  if (!result.ok()) return company_wire_error(std::move(result).error());
  return result;
}

core::Result<Response> list(services::CompanyService& companies, const Request& request) {
  RAPPORT_ASSIGN_OR_RETURN(auto caller, require_caller(request));
  RAPPORT_ASSIGN_OR_RETURN(auto query, parse_list_query(request.query, {"shelf"}));
  RAPPORT_ASSIGN_OR_RETURN(auto shelf, shelf_param(request));
  RAPPORT_ASSIGN_OR_RETURN(auto page, companies.list(caller, query, shelf));
  boost::json::array items;
  for (const auto& c : page.items) items.push_back(company_to_json(c));
  return page_response(std::move(items), page.next);
}

core::Result<Response> create(services::CompanyService& companies, const Request& request) {
  RAPPORT_ASSIGN_OR_RETURN(auto caller, require_caller(request));
  RAPPORT_ASSIGN_OR_RETURN(auto body, parse_json_object(request.body));
  core::Company draft;
  services::FieldSet supplied;
  RAPPORT_TRY(apply_company_json(body, draft, supplied));
  RAPPORT_ASSIGN_OR_RETURN(auto created,
                           on_wire(companies.create(caller, std::move(draft), supplied)));
  auto response = Response::json(company_to_json(created), Status::created);
  response.set_header("Location", "/api/v1/companies/" + std::to_string(created.id));
  return with_etag(std::move(response), created);
}

core::Result<Response> read(services::CompanyService& companies, const Request& request) {
  RAPPORT_ASSIGN_OR_RETURN(auto caller, require_caller(request));
  RAPPORT_ASSIGN_OR_RETURN(auto id, request.id_param("id"));
  RAPPORT_ASSIGN_OR_RETURN(auto company, companies.get(caller, id));
  return with_etag(Response::json(company_to_json(company)), company);
}

core::Result<Response> update(services::CompanyService& companies, const Request& request) {
  RAPPORT_ASSIGN_OR_RETURN(auto caller, require_caller(request));
  RAPPORT_ASSIGN_OR_RETURN(auto id, request.id_param("id"));
  RAPPORT_ASSIGN_OR_RETURN(auto version, required_version(request));
  RAPPORT_ASSIGN_OR_RETURN(auto body, parse_json_object(request.body));
  services::FieldSet supplied;
  RAPPORT_ASSIGN_OR_RETURN(
      auto updated,
      on_wire(companies.update(caller, id, version, supplied, [&](core::Company& company) {
        return apply_company_json(body, company, supplied);
      })));
  return with_etag(Response::json(company_to_json(updated)), updated);
}

core::Result<Response> trash(services::CompanyService& companies, const Request& request) {
  RAPPORT_ASSIGN_OR_RETURN(auto caller, require_caller(request));
  RAPPORT_ASSIGN_OR_RETURN(auto id, request.id_param("id"));
  RAPPORT_ASSIGN_OR_RETURN(auto version, required_version(request));
  RAPPORT_TRY(companies.trash(caller, id, version));
  return Response::no_content();
}

core::Result<Response> restore(services::CompanyService& companies, const Request& request) {
  RAPPORT_ASSIGN_OR_RETURN(auto caller, require_caller(request));
  RAPPORT_ASSIGN_OR_RETURN(auto id, request.id_param("id"));
  RAPPORT_ASSIGN_OR_RETURN(auto version, required_version(request));
  RAPPORT_ASSIGN_OR_RETURN(auto restored, companies.restore(caller, id, version));
  return with_etag(Response::json(company_to_json(restored)), restored);
}

core::Result<Response> erase(services::CompanyService& companies, const Request& request) {
  RAPPORT_ASSIGN_OR_RETURN(auto caller, require_caller(request));
  RAPPORT_ASSIGN_OR_RETURN(auto id, request.id_param("id"));
  RAPPORT_TRY(companies.erase(caller, id));
  return Response::no_content();
}

}  // namespace

void add_company_routes(Router& router, services::CompanyService& companies) {
  auto bind = [&companies](auto handler) {
    return [&companies, handler](Request& r) { return handler(companies, r); };
  };
  router.get("/api/v1/companies", bind(list));
  router.post("/api/v1/companies", bind(create));
  router.get("/api/v1/companies/{id}", bind(read));
  router.patch("/api/v1/companies/{id}", bind(update));
  router.del("/api/v1/companies/{id}", bind(trash));
  router.post("/api/v1/companies/{id}/restore", bind(restore));
  router.post("/api/v1/companies/{id}/erase", bind(erase));
}

}  // namespace rapport::http
