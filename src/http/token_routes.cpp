// Token handlers: parse and check the request, call the service with the caller, map back. The
// hash never leaves the server; the secret leaves it once, in the creating response.
#include "http/token_routes.hpp"

#include "http/auth_middleware.hpp"
#include "http/json_input.hpp"
#include "http/record_routes.hpp"
#include "http/route_params.hpp"
#include "http/token_json.hpp"

namespace rapport::http {
namespace {

core::Result<Response> list(services::TokenService& tokens, const Request& request) {
  RAPPORT_ASSIGN_OR_RETURN(auto caller, require_caller(request));
  RAPPORT_ASSIGN_OR_RETURN(auto params, QueryParams::parse(request, {"user_id"}));
  RAPPORT_ASSIGN_OR_RETURN(auto user_id, params.id("user_id"));
  RAPPORT_ASSIGN_OR_RETURN(auto found, tokens.list(caller, user_id));
  boost::json::array items;
  for (const auto& t : found) items.push_back(token_to_json(t));
  return page_response(std::move(items), "");
}

core::Result<Response> create(services::TokenService& tokens, const Request& request) {
  RAPPORT_ASSIGN_OR_RETURN(auto caller, require_caller(request));
  RAPPORT_ASSIGN_OR_RETURN(auto body, parse_json_object(request.body));
  RAPPORT_ASSIGN_OR_RETURN(auto wanted, token_request_from_json(body));
  RAPPORT_ASSIGN_OR_RETURN(auto created,
                           tokens.create(caller, wanted.name, wanted.scope, wanted.expires_at));
  auto out = token_to_json(created.record);
  out["secret"] = created.secret;
  auto response = Response::json(out, Status::created);
  response.set_header("Location", "/api/v1/tokens/" + std::to_string(created.record.id));
  return response;
}

core::Result<Response> revoke(services::TokenService& tokens, const Request& request) {
  RAPPORT_ASSIGN_OR_RETURN(auto caller, require_caller(request));
  RAPPORT_ASSIGN_OR_RETURN(auto id, request.id_param("id"));
  RAPPORT_TRY(tokens.revoke(caller, id));
  return Response::no_content();
}

}  // namespace

void add_token_routes(Router& router, services::TokenService& tokens) {
  auto bind = [&tokens](auto handler) {
    return [&tokens, handler](Request& r) { return handler(tokens, r); };
  };
  router.get("/api/v1/tokens", bind(list));
  router.post("/api/v1/tokens", bind(create));
  router.del("/api/v1/tokens/{id}", bind(revoke));
}

}  // namespace rapport::http
