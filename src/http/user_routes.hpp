// The users API: /api/v1/users (list, create), /api/v1/users/{id} (read, change with If-Match),
// /api/v1/users/{id}/unlock, /api/v1/users/{id}/password (an admin's reset, or the user's own
// change with the current password; either revokes the user's sessions) and /api/v1/me.
#pragma once

#include "http/router.hpp"
#include "services/auth_service.hpp"
#include "services/user_service.hpp"

namespace rapport::http {

void add_user_routes(Router& router, services::UserService& users, services::AuthService& auth);

}  // namespace rapport::http
