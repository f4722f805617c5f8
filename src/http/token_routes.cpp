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

// Bodies carrying a password are small; a large one is an attack on the password hasher.
constexpr std::size_t kTokenBodyLimit = 4096;

core::Result<Response> create(services::TokenService& tokens, services::AuthService& auth,
                              const Request& request) {
  RAPPORT_ASSIGN_OR_RETURN(auto caller, require_caller(request));
  // A token cannot mint tokens: one leaked must not outlive its expiry or its revocation by
  // minting successors. The auth middleware took the caller from the bearer token when this
  // header is present.
  if (request.header("Authorization")) {
    return core::Error::forbidden("API tokens cannot create API tokens; sign in to create one");
  }
  RAPPORT_ASSIGN_OR_RETURN(auto body, parse_json_object(request.body));
  RAPPORT_ASSIGN_OR_RETURN(auto wanted, token_request_from_json(body));
  auto confirmed = auth.confirm_password(caller, wanted.password);
  // A wrong password is a mistake in this form, not a lost sign-in: 422, not 401.
  if (!confirmed.ok() && confirmed.error().kind == core::ErrorKind::kUnauthenticated) {
    return core::Error::field("password", "is not your current password");
  }
  RAPPORT_TRY(std::move(confirmed));
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

void add_token_routes(Router& router, services::TokenService& tokens, services::AuthService& auth) {
  auto bind = [&tokens](auto handler) {
    return [&tokens, handler](Request& r) { return handler(tokens, r); };
  };
  router.get("/api/v1/tokens", bind(list));
  // Creating draws on the login budget: guessing the password here is no faster than signing in.
  router.post("/api/v1/tokens", [&tokens, &auth](Request& r) { return create(tokens, auth, r); },
              {.body_limit = kTokenBodyLimit, .limit_group = LimitGroup::kLogin});
  router.del("/api/v1/tokens/{id}", bind(revoke));
}

}  // namespace rapport::http
