// User handlers: parse and check the request, call the service with the caller, map back.
#include "http/user_routes.hpp"

#include "http/auth_middleware.hpp"
#include "http/json_input.hpp"
#include "http/record_routes.hpp"
#include "http/route_params.hpp"
#include "http/user_json.hpp"

namespace rapport::http {
namespace {

constexpr std::string_view kCursorTag = "users.id";

// Bodies carrying a password are small; a large one is an attack on the password hasher.
constexpr std::size_t kPasswordBodyLimit = 4096;

core::Result<Response> list(services::UserService& users, const Request& request) {
  RAPPORT_ASSIGN_OR_RETURN(auto caller, require_caller(request));
  RAPPORT_ASSIGN_OR_RETURN(auto params, QueryParams::parse(request, {"limit", "after"}));
  RAPPORT_ASSIGN_OR_RETURN(int limit, params.limit());
  RAPPORT_ASSIGN_OR_RETURN(auto after, params.after(kCursorTag));
  RAPPORT_ASSIGN_OR_RETURN(auto page, users.list(caller, after.value_or(0), limit));
  boost::json::array items;
  for (const auto& u : page.items) items.push_back(user_to_json(u));
  return page_response(std::move(items), id_cursor(kCursorTag, page.next));
}

core::Result<Response> create(services::UserService& users, const Request& request) {
  RAPPORT_ASSIGN_OR_RETURN(auto caller, require_caller(request));
  RAPPORT_ASSIGN_OR_RETURN(auto body, parse_json_object(request.body));
  RAPPORT_ASSIGN_OR_RETURN(auto draft, user_draft_from_json(body));
  RAPPORT_ASSIGN_OR_RETURN(auto created, users.create(caller, draft));
  auto response = Response::json(user_to_json(created), Status::created);
  response.set_header("Location", "/api/v1/users/" + std::to_string(created.id));
  return with_etag(std::move(response), created.version);
}

core::Result<Response> read(services::UserService& users, const Request& request) {
  RAPPORT_ASSIGN_OR_RETURN(auto caller, require_caller(request));
  RAPPORT_ASSIGN_OR_RETURN(auto id, request.id_param("id"));
  RAPPORT_ASSIGN_OR_RETURN(auto user, users.get(caller, id));
  return with_etag(Response::json(user_to_json(user)), user.version);
}

core::Result<Response> me(services::UserService& users, const Request& request) {
  RAPPORT_ASSIGN_OR_RETURN(auto caller, require_caller(request));
  RAPPORT_ASSIGN_OR_RETURN(auto user, users.get(caller, caller.user_id));
  return with_etag(Response::json(user_to_json(user)), user.version);
}

core::Result<Response> update_me(services::UserService& users, const Request& request) {
  RAPPORT_ASSIGN_OR_RETURN(auto caller, require_caller(request));
  RAPPORT_ASSIGN_OR_RETURN(auto version,
                           required_version(request, [&]() -> core::Result<std::int64_t> {
                             RAPPORT_ASSIGN_OR_RETURN(auto user, users.get(caller, caller.user_id));
                             return user.version;
                           }));
  RAPPORT_ASSIGN_OR_RETURN(auto body, parse_json_object(request.body));
  RAPPORT_ASSIGN_OR_RETURN(auto patch, preferences_patch_from_json(body));
  RAPPORT_ASSIGN_OR_RETURN(auto updated, users.update_preferences(caller, version, patch));
  return with_etag(Response::json(user_to_json(updated)), updated.version);
}

core::Result<Response> update(services::UserService& users, const Request& request) {
  RAPPORT_ASSIGN_OR_RETURN(auto caller, require_caller(request));
  RAPPORT_ASSIGN_OR_RETURN(auto id, request.id_param("id"));
  RAPPORT_ASSIGN_OR_RETURN(auto version,
                           required_version(request, [&]() -> core::Result<std::int64_t> {
                             RAPPORT_ASSIGN_OR_RETURN(auto user, users.get(caller, id));
                             return user.version;
                           }));
  RAPPORT_ASSIGN_OR_RETURN(auto body, parse_json_object(request.body));
  RAPPORT_ASSIGN_OR_RETURN(auto patch, user_patch_from_json(body));
  RAPPORT_ASSIGN_OR_RETURN(auto updated, users.update(caller, id, version, patch));
  return with_etag(Response::json(user_to_json(updated)), updated.version);
}

core::Result<Response> unlock(services::UserService& users, const Request& request) {
  RAPPORT_ASSIGN_OR_RETURN(auto caller, require_caller(request));
  RAPPORT_ASSIGN_OR_RETURN(auto id, request.id_param("id"));
  RAPPORT_ASSIGN_OR_RETURN(auto user, users.unlock(caller, id));
  return with_etag(Response::json(user_to_json(user)), user.version);
}

// A user changing their own password must give the current one, even an admin: a session left
// open must not be enough to take the account over. Anyone else's is an admin's reset. The route
// draws on the login budget, so guessing the current password here is no faster than signing in.
core::Result<Response> set_password(services::UserService& users, services::AuthService& auth,
                                    const Request& request) {
  RAPPORT_ASSIGN_OR_RETURN(auto caller, require_caller(request));
  RAPPORT_ASSIGN_OR_RETURN(auto id, request.id_param("id"));
  RAPPORT_ASSIGN_OR_RETURN(auto body, parse_json_object(request.body));
  ObjectReader reader(body);
  reader.allow_only({"password", "current_password"});
  auto password = reader.string("password", Need::kRequired);
  const bool own = id == caller.user_id;
  auto current = reader.string("current_password", own ? Need::kRequired : Need::kOptional);
  if (!own && current) reader.fail("current_password", "is only for changing your own password");
  RAPPORT_TRY(reader.finish());
  if (own) {
    auto changed = auth.change_password(caller, *current, *password);
    // A wrong current password is a mistake in this form, not a lost sign-in: 422, not 401.
    if (!changed.ok() && changed.error().kind == core::ErrorKind::kUnauthenticated) {
      return core::Error::field("current_password", "is not your current password");
    }
    RAPPORT_TRY(std::move(changed));
  } else {
    RAPPORT_TRY(users.reset_password(caller, id, *password));
  }
  return Response::no_content();
}

}  // namespace

void add_user_routes(Router& router, services::UserService& users, services::AuthService& auth) {
  auto bind = [&users](auto handler) {
    return [&users, handler](Request& r) { return handler(users, r); };
  };
  router.get("/api/v1/users", bind(list));
  router.post("/api/v1/users", bind(create), {.body_limit = kPasswordBodyLimit});
  router.get("/api/v1/users/{id}", bind(read));
  router.patch("/api/v1/users/{id}", bind(update), kVersionedWrite);
  router.post("/api/v1/users/{id}/unlock", bind(unlock));
  router.post("/api/v1/users/{id}/password",
              [&users, &auth](Request& r) { return set_password(users, auth, r); },
              {.body_limit = kPasswordBodyLimit, .limit_group = LimitGroup::kLogin});
  router.get("/api/v1/me", bind(me));
  router.patch("/api/v1/me", bind(update_me), kVersionedWrite);
}

}  // namespace rapport::http
