// Team handlers: parse and check the request, call the service with the caller, map back.
#include "http/team_routes.hpp"

#include "http/auth_middleware.hpp"
#include "http/json_input.hpp"
#include "http/record_routes.hpp"
#include "http/route_params.hpp"
#include "http/team_json.hpp"

namespace rapport::http {
namespace {

// Teams are few, so the list is one page; it keeps the list shape so clients page uniformly.
core::Result<Response> list(services::TeamService& teams, const Request& request) {
  RAPPORT_ASSIGN_OR_RETURN(auto caller, require_caller(request));
  RAPPORT_TRY(QueryParams::parse(request, {}));
  RAPPORT_ASSIGN_OR_RETURN(auto all, teams.list(caller));
  boost::json::array items;
  for (const auto& t : all) items.push_back(team_to_json(t));
  return page_response(std::move(items), "");
}

core::Result<Response> create(services::TeamService& teams, const Request& request) {
  RAPPORT_ASSIGN_OR_RETURN(auto caller, require_caller(request));
  RAPPORT_ASSIGN_OR_RETURN(auto body, parse_json_object(request.body));
  RAPPORT_ASSIGN_OR_RETURN(auto name, team_name_from_json(body));
  RAPPORT_ASSIGN_OR_RETURN(auto created, teams.create(caller, name));
  auto response = Response::json(team_to_json(created), Status::created);
  response.set_header("Location", "/api/v1/teams/" + std::to_string(created.id));
  return with_etag(std::move(response), created.version);
}

core::Result<Response> read(services::TeamService& teams, const Request& request) {
  RAPPORT_ASSIGN_OR_RETURN(auto caller, require_caller(request));
  RAPPORT_ASSIGN_OR_RETURN(auto id, request.id_param("id"));
  RAPPORT_ASSIGN_OR_RETURN(auto team, teams.get(caller, id));
  return with_etag(Response::json(team_to_json(team)), team.version);
}

core::Result<Response> rename(services::TeamService& teams, const Request& request) {
  RAPPORT_ASSIGN_OR_RETURN(auto caller, require_caller(request));
  RAPPORT_ASSIGN_OR_RETURN(auto id, request.id_param("id"));
  RAPPORT_ASSIGN_OR_RETURN(auto version,
                           required_version(request, [&]() -> core::Result<std::int64_t> {
                             RAPPORT_ASSIGN_OR_RETURN(auto team, teams.get(caller, id));
                             return team.version;
                           }));
  RAPPORT_ASSIGN_OR_RETURN(auto body, parse_json_object(request.body));
  RAPPORT_ASSIGN_OR_RETURN(auto name, team_name_from_json(body));
  RAPPORT_ASSIGN_OR_RETURN(auto renamed, teams.rename(caller, id, version, name));
  return with_etag(Response::json(team_to_json(renamed)), renamed.version);
}

core::Result<Response> remove(services::TeamService& teams, const Request& request) {
  RAPPORT_ASSIGN_OR_RETURN(auto caller, require_caller(request));
  RAPPORT_ASSIGN_OR_RETURN(auto id, request.id_param("id"));
  RAPPORT_ASSIGN_OR_RETURN(auto version,
                           required_version(request, [&]() -> core::Result<std::int64_t> {
                             RAPPORT_ASSIGN_OR_RETURN(auto team, teams.get(caller, id));
                             return team.version;
                           }));
  RAPPORT_TRY(teams.remove(caller, id, version));
  return Response::no_content();
}

}  // namespace

void add_team_routes(Router& router, services::TeamService& teams) {
  auto bind = [&teams](auto handler) {
    return [&teams, handler](Request& r) { return handler(teams, r); };
  };
  router.get("/api/v1/teams", bind(list));
  router.post("/api/v1/teams", bind(create));
  router.get("/api/v1/teams/{id}", bind(read));
  router.patch("/api/v1/teams/{id}", bind(rename), kVersionedWrite);
  router.del("/api/v1/teams/{id}", bind(remove), kVersionedWrite);
}

}  // namespace rapport::http
