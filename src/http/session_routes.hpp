// The session resource: POST /api/v1/session (login: e-mail + password → session cookie and CSRF
// token), GET (who am I), DELETE (logout).
#pragma once

#include "http/metrics.hpp"
#include "http/router.hpp"
#include "services/auth_service.hpp"

namespace rapport::http {

// `secure_cookie`: mark the cookie Secure (the server is behind TLS). Each sign-in that reaches
// the password check or its throttle is counted in `metrics` (when given) by outcome.
void add_session_routes(Router& router, services::AuthService& auth, bool secure_cookie,
                        Metrics* metrics = nullptr);

}  // namespace rapport::http
