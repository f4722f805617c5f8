// The API tokens API: /api/v1/tokens (the caller's own tokens, or with ?user_id= an admin's view
// of anyone's; create, answering the secret this once) and /api/v1/tokens/{id} (revoke).
// Creating one takes the caller's current password and a session: a session left open, or a
// leaked API token, must not be enough to mint a lasting read-write credential.
#pragma once

#include "http/router.hpp"
#include "services/auth_service.hpp"
#include "services/token_service.hpp"

namespace rapport::http {

void add_token_routes(Router& router, services::TokenService& tokens, services::AuthService& auth);

}  // namespace rapport::http
