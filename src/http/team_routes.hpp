// The teams API: /api/v1/teams (list, create) and /api/v1/teams/{id} (read; rename and delete
// with If-Match, 412 when the team has moved on).
#pragma once

#include "http/router.hpp"
#include "services/team_service.hpp"

namespace rapport::http {

void add_team_routes(Router& router, services::TeamService& teams);

}  // namespace rapport::http
