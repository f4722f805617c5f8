// Authentication for API routes: resolves the caller from a bearer API token or the session
// cookie (through services::AuthService) into Request::auth; handlers ask for it with
// require_caller().
#pragma once

#include <string>

#include "core/result.hpp"
#include "http/request.hpp"
#include "http/router.hpp"
#include "services/auth_service.hpp"
#include "services/caller.hpp"

namespace rapport::http {

inline constexpr std::string_view kSessionCookie = "rapport_session";

// Middleware: an Authorization header must hold a valid bearer token (401 otherwise); without
// one, a valid session cookie makes the caller; an invalid or expired cookie is ignored, so the
// request proceeds anonymous (login still works with a stale cookie). A database failure while
// looking either up ends the request with its 5xx problem.
Middleware auth_middleware(services::AuthService& auth);

// The caller the middleware found; kUnauthenticated when the request carried no valid
// credentials.
core::Result<services::Caller> require_caller(const Request& request);

}  // namespace rapport::http
