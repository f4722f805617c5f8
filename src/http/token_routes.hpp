// The API tokens API: /api/v1/tokens (the caller's own tokens, or with ?user_id= an admin's view
// of anyone's; create, answering the secret this once) and /api/v1/tokens/{id} (revoke).
#pragma once

#include "http/router.hpp"
#include "services/token_service.hpp"

namespace rapport::http {

void add_token_routes(Router& router, services::TokenService& tokens);

}  // namespace rapport::http
